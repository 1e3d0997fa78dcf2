using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Seeds;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Brings the database up to date at start-up and fills a new archive from <c>seeds/</c>. Holds the instance lock
/// (shared) for the life of the app, so that <c>restore</c> refuses to replace the file under it. On PostgreSQL
/// (<c>Archive:Database = postgres</c>) it applies Data/Migrations/Postgres/ and writes the newsroom's zone instead.
/// </summary>
public sealed class DatabaseInitializer(
    MigrationRunner migrations,
    SeedImporter seeds,
    SqliteConnectionFactory connections,
    IOptions<ArchiveOptions> options,
    ILogger<DatabaseInitializer> logger,
    PostgresMigrationRunner? postgresMigrations = null,
    PostgresArchiveSettings? postgresSettings = null) : IDisposable
{
    private ArchiveInstanceLock? instanceLock;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (options.Value.UsesPostgres)
        {
            await InitializePostgresAsync(cancellationToken);
            return;
        }

        if (instanceLock is null && ArchiveInstanceLock.IsFileDatabase(connections.DataSource))
        {
            instanceLock = ArchiveInstanceLock.AcquireShared(connections.DataSource);
        }

        await migrations.ApplyAsync(Migration.LoadEmbedded(), cancellationToken);
        if (options.Value.ImportSeeds)
        {
            await seeds.ImportIfEmptyAsync(options.Value.ResolveSeedsPath(), cancellationToken);
        }
    }

    private async Task InitializePostgresAsync(CancellationToken cancellationToken)
    {
        if (postgresMigrations is null || postgresSettings is null)
        {
            throw new InvalidOperationException("Archive:Database=postgres, but the PostgreSQL services are not registered (AddPostgresArchive).");
        }

        await postgresMigrations.ApplyAsync(Migration.LoadEmbeddedPostgres(), cancellationToken);
        if (await postgresSettings.WriteZoneAsync(ArchiveSqlFunctions.ZoneOrDefault(options.Value.TimeZone), cancellationToken))
        {
            logger.LogInformation("PostgreSQL month counts made in the zone {Zone}", options.Value.TimeZone);
        }

        // The seed importer writes through the SQLite repositories: not yet on PostgreSQL.
        logger.LogWarning("{Message}", PostgresServices.NotPortedMessage);
    }

    public void Dispose() => instanceLock?.Dispose();
}

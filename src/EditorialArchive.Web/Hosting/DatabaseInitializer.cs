using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Seeds;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Brings the database up to date at start-up and fills a new archive from <c>seeds/</c>. Holds the instance lock
/// (shared) for the life of the app, so that <c>restore</c> refuses to replace the file under it.
/// </summary>
public sealed class DatabaseInitializer(
    MigrationRunner migrations,
    SeedImporter seeds,
    SqliteConnectionFactory connections,
    IOptions<ArchiveOptions> options) : IDisposable
{
    private ArchiveInstanceLock? instanceLock;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
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

    public void Dispose() => instanceLock?.Dispose();
}

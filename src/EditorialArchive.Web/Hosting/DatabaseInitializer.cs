using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Seeds;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Hosting;

/// <summary>Brings the database up to date at start-up and fills a new archive from <c>seeds/</c>.</summary>
public sealed class DatabaseInitializer(
    MigrationRunner migrations,
    SeedImporter seeds,
    IOptions<ArchiveOptions> options)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await migrations.ApplyAsync(Migration.LoadEmbedded(), cancellationToken);
        if (options.Value.ImportSeeds)
        {
            await seeds.ImportIfEmptyAsync(options.Value.ResolveSeedsPath(), cancellationToken);
        }
    }
}

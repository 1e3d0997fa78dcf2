using EditorialArchive.Tests.Export;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Import;

/// <summary>What a WordPress import stored (its source records and old addresses among it) leaves the archive as NDJSON and comes back byte for byte.</summary>
public sealed class WordPressExportRoundTripTests : IDisposable
{
    private readonly ArchiveAppFactory app = new();
    private readonly TempDatabase copy = new();

    public void Dispose()
    {
        app.Dispose();
        copy.Dispose();
    }

    [Fact]
    public async Task Export_import_export_of_an_archive_with_imported_posts_gives_the_same_bytes()
    {
        await WordPressFixture.ImportAsync(app, options: WordPressFixture.Options(permalinks: "/%year%/%monthnum%/%postname%/"));
        var first = await Exchange.ExportAsync(Exchange.Connections(app.DatabasePath));
        var text = System.Text.Encoding.UTF8.GetString(first);
        Assert.Contains("\"table\":\"import_sources\"", text, StringComparison.Ordinal);
        Assert.Contains("\"path\":\"/2023/05/심야버스\"", text, StringComparison.Ordinal);

        await Exchange.ImportAsync(Exchange.Connections(copy.Path), first);

        Assert.Equal(first, await Exchange.ExportAsync(Exchange.Connections(copy.Path)));
    }
}

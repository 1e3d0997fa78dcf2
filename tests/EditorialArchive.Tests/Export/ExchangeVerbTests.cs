using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Cli;
using EditorialArchive.Web.Export;

namespace EditorialArchive.Tests.Export;

/// <summary>The verbs over the app's services, on files given with --db: what an operator runs.</summary>
public sealed class ExchangeVerbTests : IDisposable
{
    private readonly ArchiveAppFactory app = new();
    private readonly TempDatabase work = new();

    public void Dispose()
    {
        app.Dispose();
        work.Dispose();
    }

    [Fact]
    public async Task Export_to_a_file_then_import_it_into_a_new_database_and_refuse_to_overwrite_or_import_twice()
    {
        var file = Path.Combine(work.Directory, "archive.ndjson");
        var copy = Path.Combine(work.Directory, "copy.db");
        var services = app.Services;

        // The app's own archive (seeded on start) exported by path, into a file that did not exist.
        Assert.Equal(0, await ExportVerb.RunAsync(services, ["ndjson", "--db", app.DatabasePath, "--to", file], CancellationToken.None));
        Assert.True(File.Exists(file));
        Assert.False(File.Exists(file + ".partial"));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ExportVerb.RunAsync(services, ["ndjson", "--db", app.DatabasePath, "--to", file], CancellationToken.None));
        Assert.Contains("exists already", error.Message, StringComparison.Ordinal);

        Assert.Equal(0, await ImportVerbs.RunAsync(services, ["ndjson", file, "--db", copy], CancellationToken.None));
        await using (var connection = await Exchange.Connections(copy).OpenAsync(CancellationToken.None))
        {
            Assert.Equal(5, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM articles"));
        }

        var refused = await Assert.ThrowsAsync<NdjsonImportException>(() => ImportVerbs.RunAsync(services, ["ndjson", file, "--db", copy], CancellationToken.None));
        Assert.Contains("not empty", refused.Message, StringComparison.Ordinal);

        // import pages adds the seed pages again to the copy, which already holds them.
        Assert.Equal(0, await ImportVerbs.RunAsync(services, ["pages", SeedFiles.Folder, "--db", copy], CancellationToken.None));
        await using (var connection = await Exchange.Connections(copy).OpenAsync(CancellationToken.None))
        {
            Assert.Equal(10, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM articles"));
        }

        Assert.Equal(2, await ImportVerbs.RunAsync(services, ["wordless"], CancellationToken.None));
        Assert.Equal(2, await ExportVerb.RunAsync(services, ["csv"], CancellationToken.None));
    }
}

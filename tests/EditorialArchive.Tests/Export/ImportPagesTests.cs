using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Seeds;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Export;

/// <summary><c>import pages DIR</c>: page-text dumps with a manifest, into an archive that already holds pieces; all or nothing.</summary>
public sealed class ImportPagesTests : IDisposable
{
    private readonly ArchiveAppFactory app = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "editorial-archive-tests", "pages-" + Guid.NewGuid().ToString("N"));

    public ImportPagesTests()
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(SeedFiles.Folder))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    public void Dispose()
    {
        app.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private SeedImporter Importer => app.Services.GetRequiredService<SeedImporter>();

    [Fact]
    public async Task A_dump_goes_into_an_archive_that_already_holds_pieces_with_its_counterpart_links()
    {
        Assert.Equal(5, await CountAsync("SELECT count(*) FROM articles"));
        Assert.Equal(5, await Importer.ImportAsync(folder, CancellationToken.None));
        Assert.Equal(10, await CountAsync("SELECT count(*) FROM articles"));
        // The new pieces link to each other, not to the first import's.
        Assert.Equal(4, await CountAsync("SELECT count(*) FROM article_links WHERE article_id > 5 AND target_article_id > 5"));
        using var page = await app.CreateBrowserlessClient().GetAsync("/ko/articles/8/" + Uri.EscapeDataString(await SlugAsync(8)));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_page_that_does_not_parse_stops_the_import_with_its_file_and_line_and_nothing_is_written()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "104_sample_archive_column_ko.txt"), "본문 바로가기\n제목\n입력 어제\n");
        var error = await Assert.ThrowsAsync<SeedFormatException>(() => Importer.ImportAsync(folder, CancellationToken.None));
        Assert.Contains("104_sample_archive_column_ko.txt, line 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, await CountAsync("SELECT count(*) FROM articles"));
    }

    [Fact]
    public async Task A_manifest_naming_a_missing_file_or_one_outside_the_folder_and_a_folder_without_manifest_are_refused()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"), """{ "pieces": [ { "file": "101_sample_night_buses_en.txt" }, { "file": "missing.txt" } ] }""");
        Assert.Contains("lists missing.txt, which is not in", (await Assert.ThrowsAsync<SeedFormatException>(() => Importer.ImportAsync(folder, CancellationToken.None))).Message, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"), """{ "pieces": [ { "file": "../outside.txt" } ] }""");
        Assert.Contains("which is outside", (await Assert.ThrowsAsync<SeedFormatException>(() => Importer.ImportAsync(folder, CancellationToken.None))).Message, StringComparison.Ordinal);
        // The first piece is stored before the second's unknown section is met: the transaction takes it back.
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"), """{ "pieces": [ { "file": "101_sample_night_buses_en.txt" }, { "file": "102_sample_night_buses_ko.txt", "section": "sports" } ] }""");
        Assert.Contains("Unknown section 'sports'", (await Assert.ThrowsAsync<ArgumentException>(() => Importer.ImportAsync(folder, CancellationToken.None))).Message, StringComparison.Ordinal);
        File.Delete(Path.Combine(folder, "manifest.json"));
        Assert.Contains("has no manifest.json", (await Assert.ThrowsAsync<SeedFormatException>(() => Importer.ImportAsync(folder, CancellationToken.None))).Message, StringComparison.Ordinal);
        Assert.Equal(5, await CountAsync("SELECT count(*) FROM articles"));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await app.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private async Task<string> SlugAsync(long id)
    {
        await using var connection = await app.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<string>("SELECT slug FROM articles WHERE id = @id", new { id }) ?? "";
    }
}

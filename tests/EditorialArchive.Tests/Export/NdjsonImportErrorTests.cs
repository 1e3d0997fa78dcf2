using System.Text;
using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Export;

namespace EditorialArchive.Tests.Export;

/// <summary>Every bad input stops the import with a clear message (the line's number where there is one) and writes nothing.</summary>
public sealed class NdjsonImportErrorTests(NdjsonImportErrorTests.SmallExport export) : IClassFixture<NdjsonImportErrorTests.SmallExport>, IDisposable
{
    private readonly TempDatabase target = new();

    /// <summary>A valid export of three pieces, two of them counterparts, as lines.</summary>
    public sealed class SmallExport : IAsyncLifetime
    {
        private readonly ArchiveDatabase database = new();

        public string[] Lines { get; private set; } = [];

        public async Task InitializeAsync()
        {
            await database.InitializeAsync();
            var posted = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
            var ids = await database.InsertAsync(
                ArchiveDatabase.Piece("en", "Night buses", "The city adds night buses.", posted),
                ArchiveDatabase.Piece("ko", "심야 버스", "시가 심야 버스를 늘린다.", posted),
                ArchiveDatabase.Piece("en", "A draft", "Not yet.", posted, ArticleStatus.Draft));
            await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
            await using (var transaction = connection.BeginTransaction())
            {
                await database.Articles.LinkTranslationsAsync(transaction, ids[0], ids[1], CancellationToken.None);
                await transaction.CommitAsync();
            }

            Lines = Encoding.UTF8.GetString(await Exchange.ExportAsync(database.Connections)).Split('\n')[..^1];
        }

        public Task DisposeAsync() => database.DisposeAsync();

        /// <summary>The 1-based number of the first line of the table's rows.</summary>
        public int FirstLineOf(string table) => Array.FindIndex(Lines, line => line.StartsWith($"{{\"table\":\"{table}\"", StringComparison.Ordinal)) + 1;
    }

    public void Dispose() => target.Dispose();

    [Fact]
    public async Task The_unchanged_export_imports()
    {
        var summary = await Exchange.ImportAsync(target.CreateFactory(), Bytes(export.Lines));
        Assert.Equal(3, summary.Pieces);
        Assert.Equal(3, await CountAsync("articles"));
    }

    [Fact]
    public async Task A_malformed_line_is_named_by_its_number()
    {
        var line = export.FirstLineOf("articles") + 1;
        var lines = Replace(line, l => l[..^5]);
        await AssertRefusedAsync(lines, $"Line {line}: not valid JSON");
    }

    [Theory]
    [InlineData("{\"table\":\"nonsense\",\"row\":{\"id\":1}}", "this archive's schema has no table nonsense")]
    [InlineData("{\"table\":\"archive_month_counts\",\"row\":{\"language\":\"en\"}}", "table archive_month_counts is derived")]
    [InlineData("{\"table\":\"articles\",\"row\":{\"id\":9,\"colour\":\"red\"}}", "table articles has no column colour")]
    [InlineData("{\"table\":\"sections\",\"row\":{\"id\":9,\"slug\":\"x\",\"name_en\":\"X\"}}", "the sections row has no value for column name_ko")]
    [InlineData("{\"table\":\"sections\",\"row\":{\"id\":9,\"id\":10}}", "column id appears twice")]
    [InlineData("{\"table\":\"sections\",\"row\":{\"id\":true}}", "column id: True is not a value the archive stores")]
    [InlineData("{\"table\":\"sections\",\"row\":{\"id\":9,\"slug\":\"x\",\"name_en\":\"X\",\"name_ko\":\"엑스\"}} {}", "not valid JSON")]
    [InlineData("[1, 2]", "expected a JSON object")]
    [InlineData("", "the line is empty")]
    [InlineData("{\"piece\":{}}", "a line is {\"table\"")]
    public async Task A_line_the_format_does_not_allow_is_named_by_its_number(string bad, string problem)
    {
        var line = export.FirstLineOf("articles");
        await AssertRefusedAsync(Insert(line, bad), $"Line {line}: {problem}");
    }

    [Fact]
    public async Task A_row_the_schema_refuses_is_named_by_its_line_even_inside_a_batch()
    {
        var line = export.FirstLineOf("articles") + 2;
        var lines = Replace(line, l => l.Replace("\"status\":\"draft\"", "\"status\":\"lost\"", StringComparison.Ordinal));
        Assert.NotEqual(export.Lines[line - 1], lines[line - 1]);
        await AssertRefusedAsync(lines, $"Line {line}: the archive refuses this articles row: CHECK constraint failed");
    }

    [Fact]
    public async Task Rows_that_refer_to_rows_not_in_the_file_are_refused()
    {
        var articles = export.FirstLineOf("articles");
        // Without its first piece, the counterpart links point nowhere.
        var lines = export.Lines.Where((_, index) => index != articles - 1).ToArray();
        lines[^1] = $"{{\"end\":{{\"rows\":{lines.Length - 2}}}}}";
        await AssertRefusedAsync(lines, "a row of article_links refers to a row of articles that is not in the file");
    }

    [Fact]
    public async Task A_file_cut_short_is_refused()
    {
        await AssertRefusedAsync(export.Lines[..^1], $"The file ends at line {export.Lines.Length - 1} without its end line");
        await AssertRefusedAsync(export.Lines[..^2], "without its end line");
    }

    [Fact]
    public async Task An_end_line_that_counts_other_rows_or_lines_after_it_are_refused()
    {
        await AssertRefusedAsync(Replace(export.Lines.Length, _ => "{\"end\":{\"rows\":99}}"), $"The end line says the file holds 99 rows, but it holds {export.Lines.Length - 2}");
        await AssertRefusedAsync([.. export.Lines, export.Lines[1]], $"Line {export.Lines.Length + 1}: there is more after the end line");
    }

    [Theory]
    [InlineData("not json at all", "this is not an Editorial Archive export")]
    [InlineData("{\"format\":\"something-else\",\"version\":1}", "this is not an Editorial Archive export")]
    [InlineData("{\"format\":\"editorial-archive-ndjson\",\"version\":2,\"schema\":[],\"accounts\":\"with-password-hashes\"}", "the file is in format version 2; this app reads version 1 only")]
    [InlineData("{\"format\":\"editorial-archive-ndjson\",\"version\":1,\"accounts\":\"with-password-hashes\"}", "the header's schema must be")]
    public async Task A_header_the_importer_does_not_know_is_refused(string header, string problem)
    {
        await AssertRefusedAsync(Replace(1, _ => header), $"Line 1: {problem}");
    }

    [Fact]
    public async Task A_header_with_a_schema_this_app_does_not_know_is_refused()
    {
        var newer = Replace(1, l => l.Replace("\"006_article_summary_index.sql\"", "\"006_article_summary_index.sql\",\"099_from_the_future.sql\"", StringComparison.Ordinal));
        await AssertRefusedAsync(newer, "Line 1: the file was exported at a schema this app does not read: it names migrations this app does not know (099_from_the_future.sql)");
        var older = Replace(1, l => l.Replace(",\"006_article_summary_index.sql\"", "", StringComparison.Ordinal));
        await AssertRefusedAsync(older, "it lacks migrations this app has (006_article_summary_index.sql)");
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        await AssertRefusedAsync([], "The file is empty");
    }

    private async Task AssertRefusedAsync(string[] lines, string expected)
    {
        var error = await Assert.ThrowsAsync<NdjsonImportException>(() => Exchange.ImportAsync(target.CreateFactory(), Bytes(lines)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        // Nothing written: no piece, and the migrations' four sections are still there.
        Assert.Equal(0, await CountAsync("articles"));
        Assert.Equal(0, await CountAsync("article_links"));
        Assert.Equal(4, await CountAsync("sections"));
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await target.CreateFactory().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }

    private string[] Replace(int lineNumber, Func<string, string> change)
    {
        var lines = export.Lines.ToArray();
        lines[lineNumber - 1] = change(lines[lineNumber - 1]);
        return lines;
    }

    private string[] Insert(int lineNumber, string line) => [.. export.Lines[..(lineNumber - 1)], line, .. export.Lines[(lineNumber - 1)..]];

    private static byte[] Bytes(string[] lines) => Encoding.UTF8.GetBytes(lines.Length == 0 ? "" : string.Join('\n', lines) + "\n");
}

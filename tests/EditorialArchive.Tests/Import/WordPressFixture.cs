using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Import;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Import;

/// <summary>The hand-built export (Fixtures/opinion-desk.wxr.xml) and helpers to import it into a test app.</summary>
public static class WordPressFixture
{
    public const string Source = "https://opinion.example.kr";

    public static string FilePath => System.IO.Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "opinion-desk.wxr.xml");

    public static string Text => File.ReadAllText(FilePath);

    public static WordPressImportOptions Options(string? permalinks = null, bool dryRun = false) => new()
    {
        SectionMap = EditorialArchive.Web.Cli.WordPressImportVerb.ParseSectionMap("사설=editorial,칼럼=column"),
        DefaultSection = "op-ed",
        SiteZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"),
        Permalinks = permalinks,
        DryRun = dryRun,
    };

    public static async Task<WordPressImportReport> ImportAsync(ArchiveAppFactory app, string? text = null, WordPressImportOptions? options = null)
    {
        await using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text ?? Text));
        return await app.Services.GetRequiredService<WordPressImporter>().ImportAsync(input, options ?? Options(), null, CancellationToken.None);
    }

    /// <summary>The archive's id of the piece made of WordPress post <paramref name="postId"/>.</summary>
    public static async Task<long> ArticleIdAsync(ArchiveAppFactory app, long postId) =>
        await QueryAsync<long>(app, "SELECT article_id FROM import_sources WHERE source = @Source AND source_id = @PostId", new { Source, PostId = postId });

    public static async Task<T> QueryAsync<T>(ArchiveAppFactory app, string sql, object? parameters = null)
    {
        await using var connection = await app.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }
}

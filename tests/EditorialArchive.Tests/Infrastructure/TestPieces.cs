using Dapper;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Hosting;
using EditorialArchive.Web.Reading;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Infrastructure;

/// <summary>Writes pieces into a running test app's database, as an editor's action would (and tells the page cache).</summary>
public static class TestPieces
{
    public static async Task<long> InsertAsync<T>(
        WebApplicationFactory<T> app, string headline, string language = Languages.English, string status = ArticleStatus.Published,
        DateTimeOffset? postedAt = null, string section = "editorial", string? byline = null, string body = "First paragraph of the piece.\n\nSecond paragraph.")
        where T : class
    {
        var services = app.Services;
        var posted = status is ArticleStatus.Draft or ArticleStatus.Scheduled ? (DateTimeOffset?)null : UtcInstant.Truncate(postedAt ?? DateTimeOffset.UtcNow.AddMinutes(-5));
        await using var connection = await services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        var id = await services.GetRequiredService<ArticleRepository>().InsertAsync(transaction, new NewArticle(
            SlugGenerator.FromHeadline(headline), language, headline, section, byline, body,
            services.GetRequiredService<MarkdownRenderer>().RenderHtml(body), status, posted, posted), CancellationToken.None);
        await transaction.CommitAsync();
        await Written(app);
        return id;
    }

    /// <summary>
    /// Published pieces (headline, language) written in one transaction: the background related-pieces refresher then
    /// sees all of them or none, never the first before the next exists (whose list would then lack it).
    /// </summary>
    public static async Task<long[]> InsertAllAsync<T>(WebApplicationFactory<T> app, params (string Headline, string Language)[] pieces)
        where T : class
    {
        var services = app.Services;
        const string body = "First paragraph of the piece.\n\nSecond paragraph.";
        var html = services.GetRequiredService<MarkdownRenderer>().RenderHtml(body);
        var posted = UtcInstant.Truncate(DateTimeOffset.UtcNow.AddMinutes(-5));
        await using var connection = await services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        var ids = new long[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            ids[i] = await services.GetRequiredService<ArticleRepository>().InsertAsync(transaction, new NewArticle(
                SlugGenerator.FromHeadline(pieces[i].Headline), pieces[i].Language, pieces[i].Headline, "editorial", null, body,
                html, ArticleStatus.Published, posted, posted), CancellationToken.None);
        }

        await transaction.CommitAsync();
        await Written(app);
        return ids;
    }

    public static async Task LinkAsync<T>(WebApplicationFactory<T> app, long a, long b)
        where T : class
    {
        await using var connection = await app.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        await app.Services.GetRequiredService<ArticleRepository>().LinkTranslationsAsync(transaction, a, b, CancellationToken.None);
        await transaction.CommitAsync();
        await Written(app);
    }

    /// <summary>Changes a piece as the admin area will: new status, headline or body, a new version and modification time.</summary>
    public static async Task UpdateAsync<T>(WebApplicationFactory<T> app, long id, string? status = null, string? headline = null, string? body = null)
        where T : class
    {
        await using var connection = await app.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            """
            UPDATE articles SET status = COALESCE(@Status, status), headline = COALESCE(@Headline, headline),
                   body_markdown = COALESCE(@Body, body_markdown), body_html = COALESCE(@BodyHtml, body_html),
                   version = version + 1, modified_at = @Now
            WHERE id = @Id
            """,
            new
            {
                Id = id,
                Status = status,
                Headline = headline,
                Body = body,
                BodyHtml = body is null ? null : app.Services.GetRequiredService<MarkdownRenderer>().RenderHtml(body),
                Now = UtcInstant.Format(DateTimeOffset.UtcNow.AddSeconds(2)),
            });
        await Written(app);
    }

    /// <summary>
    /// What the background related-pieces refresher does each round, until nothing is due, then tells the page cache:
    /// tests call it so that no list is stored (and no page evicted) behind their back.
    /// </summary>
    public static async Task RefreshRelatedAsync<T>(WebApplicationFactory<T> app)
        where T : class
    {
        var refresh = app.Services.GetRequiredService<RelatedPiecesRefresh>();
        while (await refresh.RefreshBatchAsync(100, CancellationToken.None) > 0)
        {
        }

        await Written(app);
    }

    /// <summary>What every writer of the app does after it commits: the next request sees the write.</summary>
    private static Task Written<T>(WebApplicationFactory<T> app)
        where T : class => app.Services.GetRequiredService<ArchivePageCache>().EvictAsync();
}

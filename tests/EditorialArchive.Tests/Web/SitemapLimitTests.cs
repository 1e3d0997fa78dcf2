using System.Diagnostics;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EditorialArchive.Tests.Web;

/// <summary>The real 50,000-URL limit: an archive of 50,006 published pieces needs exactly two article sitemaps.</summary>
public sealed class SitemapLimitTests(ArchiveAppFactory app, ITestOutputHelper output) : IClassFixture<ArchiveAppFactory>
{
    private const int Generated = 50_001;

    [Fact]
    public async Task An_archive_over_50000_pieces_is_split_into_sitemaps_of_at_most_50000_urls()
    {
        var insert = Stopwatch.StartNew();
        await InsertGeneratedPiecesAsync();
        output.WriteLine($"inserted {Generated} pieces in {insert.ElapsedMilliseconds} ms");

        var client = app.CreateBrowserlessClient();
        var index = await Xml.GetAsync(client, "/sitemap.xml");
        var locs = index.Root!.Elements(Xml.Sitemap + "sitemap").Select(s => (string)s.Element(Xml.Sitemap + "loc")!).ToList();
        Assert.Equal(["/sitemaps/editions.xml", "/sitemaps/articles-1.xml", "/sitemaps/articles-2.xml"], locs.Select(l => new Uri(l).AbsolutePath));

        var write = Stopwatch.StartNew();
        using var response = await client.GetAsync("/sitemaps/articles-1.xml");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        output.WriteLine($"articles-1.xml: {bytes.Length} bytes in {write.ElapsedMilliseconds} ms");
        var first = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        var second = await Xml.GetAsync(client, "/sitemaps/articles-2.xml");

        var firstLocs = Xml.Locs(first);
        Assert.Equal(50_000, firstLocs.Count);
        Assert.Equal(50_000, firstLocs.Distinct().Count());
        Assert.True(bytes.Length < 50 * 1024 * 1024, $"{bytes.Length} bytes");
        Assert.EndsWith("/en/articles/50000/generated-piece-49995", firstLocs[^1], StringComparison.Ordinal);
        // Ids 50,001 to 50,006 (the five seeds took ids 1 to 5).
        Assert.Equal(6, Xml.Locs(second).Count);
        Assert.EndsWith("/en/articles/50006/generated-piece-50001", Xml.Locs(second)[^1], StringComparison.Ordinal);
    }

    /// <summary>One transaction, one prepared statement generating every row inside SQLite: about a second.</summary>
    private async Task InsertGeneratedPiecesAsync()
    {
        await using var connection = await app.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO articles (slug, language, headline, section_id, body_markdown, body_html, status,
                                  posted_at, updated_at, created_at, modified_at, version)
            SELECT 'generated-piece-' || i, 'en', 'Generated piece ' || i, 1, 'Text.', '<p>Text.</p>', 'published',
                   strftime('%Y-%m-%dT%H:%M:%SZ', '2020-01-01', '+' || i || ' minutes'),
                   strftime('%Y-%m-%dT%H:%M:%SZ', '2020-01-01', '+' || i || ' minutes'), $now, $now, 1
            FROM n
            """;
        command.Parameters.AddWithValue("$count", Generated);
        command.Parameters.AddWithValue("$now", UtcInstant.Format(DateTimeOffset.UtcNow));
        Assert.Equal(Generated, await command.ExecuteNonQueryAsync());
        await transaction.CommitAsync();
    }
}

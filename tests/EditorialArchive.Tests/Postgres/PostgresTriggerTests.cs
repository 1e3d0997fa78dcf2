using Dapper;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EditorialArchive.Tests.Postgres;

/// <summary>The triggers that keep the derived tables (month counts, page changes, id ranges, related queue, search) in step.</summary>
public sealed class PostgresTriggerTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase database = new();
    private NpgsqlConnection connection = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await using (var connections = database.CreateFactory())
        {
            await new PostgresMigrationRunner(connections, NullLogger<PostgresMigrationRunner>.Instance)
                .ApplyAsync(Migration.LoadEmbeddedPostgres(), CancellationToken.None);
            await new PostgresArchiveSettings(connections).WriteZoneAsync(TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"), CancellationToken.None);
        }

        connection = await database.OpenAsync();
    }

    public async Task DisposeAsync()
    {
        await connection.DisposeAsync();
        await database.DisposeAsync();
    }

    // 16:00 UTC on 31 January is 01:00 on 1 February in Seoul: the count's month is Seoul's, the id range's UTC's.
    private const string InsertPieceSql = """
        INSERT INTO articles (slug, language, headline, section_id, byline, body_markdown, body_html, status,
                              posted_at, updated_at, created_at, modified_at)
        VALUES (@Slug, @Language, @Headline, 1, 'Kim Min-ji', @Body, '<p></p>', @Status,
                @PostedAt, @PostedAt, '2024-01-31T16:00:00Z', '2024-01-31T16:00:00Z')
        RETURNING id
        """;

    private Task<long> InsertAsync(string status, string slug = "night-buses", string postedAt = "2024-01-31T16:00:00Z") =>
        connection.ExecuteScalarAsync<long>(InsertPieceSql, new
        {
            Slug = slug,
            Language = "ko",
            Headline = "북한이 움직인다: Night buses",
            Body = "The city's **economies** depend on [late buses](https://example.com/buses). 경제성장은 계속된다.",
            Status = status,
            PostedAt = status == "draft" ? null : postedAt,
        });

    [Fact]
    public async Task Publishing_a_piece_counts_it_in_its_local_month_and_records_its_page_change()
    {
        var id = await InsertAsync("draft");
        Assert.Empty(await connection.QueryAsync<string>("SELECT month FROM archive_month_counts"));
        Assert.Empty(await connection.QueryAsync<long>("SELECT id FROM archive_page_changes"));
        var version = await connection.ExecuteScalarAsync<long>("SELECT listing_version FROM archive_changes WHERE id = 1");

        await connection.ExecuteAsync(
            "UPDATE articles SET status = 'published', posted_at = '2024-01-31T16:00:00Z', updated_at = '2024-01-31T16:00:00Z' WHERE id = @Id",
            new { Id = id });

        Assert.Equal([("ko", "2024-02", 1L)], await connection.QueryAsync<(string, string, long)>("SELECT language, month, count FROM archive_month_counts"));
        Assert.Equal([(id, "ko", "membership")], await connection.QueryAsync<(long, string, string)>("SELECT article_id, language, scope FROM archive_page_changes"));
        Assert.Equal([("2024-01", id, id)], await connection.QueryAsync<(string, long, long)>("SELECT month, first_id, last_id FROM article_month_id_ranges"));
        Assert.Equal([id], await connection.QueryAsync<long>("SELECT article_id FROM article_related_pending"));
        Assert.Equal(version + 1, await connection.ExecuteScalarAsync<long>("SELECT listing_version FROM archive_changes WHERE id = 1"));
    }

    [Fact]
    public async Task A_new_neighbour_and_a_withdrawal_reach_the_pages_and_counts_they_change()
    {
        var first = await InsertAsync("published", "first", "2024-03-01T00:00:00Z");
        var second = await InsertAsync("published", "second", "2024-03-02T00:00:00Z");

        // The second piece's arrival changes the first one's next link.
        Assert.Contains((first, "neighbour"), await connection.QueryAsync<(long, string)>("SELECT article_id, scope FROM archive_page_changes WHERE id > 1"));
        Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("SELECT count FROM archive_month_counts WHERE month = '2024-03'"));

        await connection.ExecuteAsync("UPDATE articles SET status = 'unpublished' WHERE id = @Id", new { Id = second });

        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT count FROM archive_month_counts WHERE month = '2024-03'"));
        await connection.ExecuteAsync("DELETE FROM articles WHERE id = @Id", new { Id = first });
        Assert.Empty(await connection.QueryAsync<string>("SELECT month FROM archive_month_counts"));
        Assert.Empty(await connection.QueryAsync<long>("SELECT article_id FROM article_search WHERE article_id = @Id", new { Id = first }));
    }

    [Theory]
    [InlineData("english", "economy")] // "economies" in the body, stemmed
    [InlineData("english", "late & buses & night")] // the link text is kept, "Night" is in the headline
    [InlineData("simple", "경제 & 성장")] // Hangul bigrams of 경제성장은
    [InlineData("simple", "북한")] // 북한이 in the headline
    public async Task The_search_vectors_match_english_stems_and_hangul_bigrams(string configuration, string query)
    {
        var id = await InsertAsync("published");
        var column = configuration == "english" ? "document" : "grams";

        var hits = await connection.QueryAsync<long>(
            $"SELECT article_id FROM article_search WHERE {column} @@ to_tsquery(@Configuration::regconfig, @Query)",
            new { Configuration = configuration, Query = query });

        Assert.Equal([id], hits);
    }

    [Fact]
    public async Task The_headline_weighs_more_than_the_body_and_an_edit_reindexes()
    {
        var id = await InsertAsync("published");
        Assert.Equal("A", await connection.ExecuteScalarAsync<string>(
            "SELECT weights[1] FROM article_search, unnest(document) WHERE article_id = @Id AND lexeme = 'night'", new { Id = id }));
        Assert.Equal("C", await connection.ExecuteScalarAsync<string>(
            "SELECT weights[1] FROM article_search, unnest(document) WHERE article_id = @Id AND lexeme = 'economi'", new { Id = id }));

        await connection.ExecuteAsync("UPDATE articles SET body_markdown = 'Tramways instead.' WHERE id = @Id", new { Id = id });

        Assert.Empty(await connection.QueryAsync<long>("SELECT article_id FROM article_search WHERE document @@ to_tsquery('english', 'economy')"));
        Assert.Equal([id], await connection.QueryAsync<long>("SELECT article_id FROM article_search WHERE document @@ to_tsquery('english', 'tramway')"));
    }

    [Fact]
    public async Task A_changed_zone_recounts_the_months_at_start_up()
    {
        await InsertAsync("published");
        await using var connections = database.CreateFactory();

        var recounted = await new PostgresArchiveSettings(connections).WriteZoneAsync(TimeZoneInfo.Utc, CancellationToken.None);

        Assert.True(recounted);
        Assert.Equal(["2024-01"], await connection.QueryAsync<string>("SELECT month FROM archive_month_counts"));
        Assert.False(await new PostgresArchiveSettings(connections).WriteZoneAsync(TimeZoneInfo.Utc, CancellationToken.None));
    }
}

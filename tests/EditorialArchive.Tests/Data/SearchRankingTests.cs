using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Reading;

namespace EditorialArchive.Tests.Data;

/// <summary>
/// Search ranks with <see cref="SearchRankFunction"/> (bm25 with the phrases' document counts supplied), and a search
/// narrowed by dates reads only the ids of those months (migration 014).
/// </summary>
public sealed class SearchRankingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2019, 1, 10, 3, 0, 0, TimeSpan.Zero);

    private readonly ArchiveDatabase database = new();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await database.InsertAsync(
            ArchiveDatabase.Piece("en", "Harbour dues rise again", "The harbour master raised harbour dues for the third time.", Start),
            ArchiveDatabase.Piece("en", "Budget for the harbour", "A budget that forgets the harbour forgets the city.", Start.AddDays(1)),
            ArchiveDatabase.Piece("en", "A budget of dues", "Dues and fees fill the budget; the budget is long, long, long, and says little about anything at all.", Start.AddDays(2)),
            ArchiveDatabase.Piece("en", "Rain", "Rain again, and the harbour is quiet.", Start.AddDays(3), byline: "Harbour Desk"),
            ArchiveDatabase.Piece("ko", "정부 예산안", "정부가 내년 예산안을 발표했다. 예산은 늘었다.", Start.AddDays(4)),
            ArchiveDatabase.Piece("ko", "항구의 예산", "항구 예산을 정부가 줄였다.", Start.AddDays(5)),
            ArchiveDatabase.Piece("ko", "정부와 항구", "정부는 항구를 잊었다.", Start.AddDays(6)));
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Theory]
    [InlineData("harbour dues")]
    [InlineData("budget harbour")]
    [InlineData("dues")]
    [InlineData("정부 예산")]
    [InlineData("항구 정부")]
    public async Task With_exact_counts_the_rank_is_fts5s_own_bm25(string text)
    {
        var query = SearchQuery.Parse(text).Exact();
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        // Few pieces, so every phrase's count is below the sample and exact: the scores must be bm25's to the last digit.
        var hits = await SearchRepository.EstimateHitsAsync(connection, query, CancellationToken.None);
        var rows = (await connection.QueryAsync<(long Id, double Ours, double Bm25)>(
            "SELECT rowid, archive_rank(article_search, @Hits), bm25(article_search, 8.0, 4.0, 1.0, 1.0) FROM article_search WHERE article_search MATCH @Match",
            new { Hits = SearchRankFunction.EncodeHits(hits), Match = query.ToMatchExpression() })).AsList();

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(r.Bm25, r.Ours, 1e-9));
    }

    [Fact]
    public async Task Without_counts_one_phrase_is_ordered_as_bm25_orders_it()
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var match = SearchQuery.Parse("harbour").Exact().ToMatchExpression();

        var ours = await connection.QueryAsync<long>("SELECT rowid FROM article_search WHERE article_search MATCH @match ORDER BY archive_rank(article_search, NULL), rowid", new { match });
        var bm25 = await connection.QueryAsync<long>("SELECT rowid FROM article_search WHERE article_search MATCH @match ORDER BY bm25(article_search, 8.0, 4.0, 1.0, 1.0), rowid", new { match });

        Assert.Equal(3, bm25.Count());
        Assert.Equal(bm25, ours);
    }

    [Fact]
    public async Task A_search_page_ranks_the_headline_hit_first()
    {
        var search = new SearchRepository(database.Connections);

        var hits = await search.SearchPublishedAsync(SearchQuery.Parse("harbour dues"), new SearchFilters("en", null, null, null), 0, 20, CancellationToken.None);

        Assert.Equal("Harbour dues rise again", hits[0].Headline);
        Assert.Equal(1, hits.Count(h => h.Headline == "Harbour dues rise again"));
    }

    [Fact]
    public async Task A_piece_moved_to_another_month_is_found_by_its_new_dates_and_not_its_old_ones()
    {
        var moved = (await database.InsertAsync(ArchiveDatabase.Piece("en", "Lighthouse keepers", "The lighthouse keepers left.", Start.AddYears(-3))))[0];
        await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE articles SET posted_at = '2024-06-15T01:00:00Z' WHERE id = @moved", new { moved });
        }

        var search = new SearchRepository(database.Connections);
        var query = SearchQuery.Parse("lighthouse");
        var june = await search.SearchPublishedAsync(query, new SearchFilters("en", null, new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero)), 0, 20, CancellationToken.None);
        var before = await search.SearchPublishedAsync(query, new SearchFilters("en", null, Start.AddYears(-4), Start.AddYears(-2)), 0, 20, CancellationToken.None);

        Assert.Equal([moved], june.Select(h => h.Id));
        Assert.Empty(before);
    }

    [Fact]
    public async Task A_piece_published_later_widens_its_month_and_a_month_with_no_pieces_finds_nothing()
    {
        var draft = (await database.InsertAsync(ArchiveDatabase.Piece("en", "Ferry timetable", "The ferry timetable changed.", Start.AddYears(2), ArticleStatus.Draft)))[0];
        var search = new SearchRepository(database.Connections);
        var query = SearchQuery.Parse("ferry");
        var month = new SearchFilters("en", null, Start.AddYears(2).AddDays(-1), Start.AddYears(2).AddDays(1));

        var whileDraft = await search.SearchPublishedAsync(query, month, 0, 20, CancellationToken.None);
        await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE articles SET status = 'published' WHERE id = @draft", new { draft });
        }

        var published = await search.SearchPublishedAsync(query, month, 0, 20, CancellationToken.None);
        var empty = await search.SearchPublishedAsync(SearchQuery.Parse("harbour"), new SearchFilters(null, null, Start.AddYears(-10), Start.AddYears(-9)), 0, 20, CancellationToken.None);

        Assert.Empty(whileDraft);
        Assert.Equal([draft], published.Select(h => h.Id));
        Assert.Empty(empty);
    }

    [Fact]
    public async Task The_month_ranges_hold_every_published_piece()
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);

        var outside = await connection.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM articles a
            WHERE a.status = 'published' AND NOT EXISTS (
                SELECT 1 FROM article_month_id_ranges r
                WHERE r.month = substr(a.posted_at, 1, 7) AND a.id BETWEEN r.first_id AND r.last_id)
            """);
        var months = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM article_month_id_ranges");

        Assert.Equal(0, outside);
        Assert.Equal(1, months);
    }
}

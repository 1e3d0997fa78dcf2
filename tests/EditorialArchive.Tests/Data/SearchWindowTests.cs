using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Reading;

namespace EditorialArchive.Tests.Data;

/// <summary>
/// A common word is ranked among the newest <see cref="SearchRepository.RelevanceWindow"/> matches (so a search costs
/// the same at any archive size), and narrowing the dates reaches the older ones.
/// </summary>
public sealed class SearchWindowTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2001, 3, 1, 3, 0, 0, TimeSpan.Zero);

    private readonly ArchiveDatabase database = new();
    private long oldest;
    private long compound;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        // The best match by far (the word in its headline, twice in its body) is the first piece ever added...
        oldest = (await database.InsertAsync(ArchiveDatabase.Piece("en", "Harbour dues", "The harbour master raised harbour dues.", Start)))[0];
        // A word that only starts with the common one.
        compound = (await database.InsertAsync(ArchiveDatabase.Piece("en", "Harbourmasters", "The harbourmasters met.", Start.AddDays(1))))[0];
        // ...then a window's worth and more of newer pieces that each mention the word once, in passing.
        var newer = Enumerable.Range(1, SearchRepository.RelevanceWindow + 5)
            .Select(i => ArchiveDatabase.Piece("en", $"Weekly notes {i}", $"Among other things, number {i} passed the harbour on the way.", Start.AddYears(5).AddHours(i)))
            .ToArray();
        await database.InsertAsync(newer);
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_common_word_ranks_the_newest_matches_and_a_date_range_reaches_older_ones()
    {
        var search = new SearchRepository(database.Connections);
        var query = SearchQuery.Parse("harbour");

        var newest = await search.SearchPublishedAsync(query, new SearchFilters("en", null, null, null), 0, 20, CancellationToken.None);
        var narrowed = await search.SearchPublishedAsync(query, new SearchFilters("en", null, Start.AddDays(-1), Start.AddYears(1)), 0, 20, CancellationToken.None);

        Assert.Equal(20, newest.Count);
        Assert.DoesNotContain(newest, h => h.Id == oldest);
        Assert.Equal([oldest], narrowed.Select(h => h.Id));
    }

    [Fact]
    public async Task A_common_word_is_matched_as_a_whole_word_and_a_fragment_as_a_prefix()
    {
        var search = new SearchRepository(database.Connections);
        var narrowed = new SearchFilters("en", null, Start.AddDays(-1), Start.AddYears(1));

        // Whole-word matches of "harbour" fill the window, so the prefix (which would also find "harbourmasters") is not needed...
        var word = await search.SearchPublishedAsync(SearchQuery.Parse("harbour"), narrowed, 0, 20, CancellationToken.None);
        // ...while a fragment with no whole-word matches is still a prefix.
        var fragment = await search.SearchPublishedAsync(SearchQuery.Parse("harbourm"), narrowed, 0, 20, CancellationToken.None);

        Assert.Equal([oldest], word.Select(h => h.Id));
        Assert.Equal([compound], fragment.Select(h => h.Id));
    }

    [Fact]
    public async Task A_count_past_the_sample_is_estimated_from_how_densely_the_newest_postings_sit()
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var query = SearchQuery.Parse("harbour weekly").Exact();
        var exact = new List<long>();
        foreach (var term in query.Terms)
        {
            exact.Add(await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT count(*) FROM article_search WHERE article_search MATCH @m", new { m = term.ToMatchExpression() }));
        }

        var estimated = await SearchRepository.EstimateHitsAsync(connection, query, CancellationToken.None);

        // Both words are in more pieces than the sample reads (1,006 and 1,005).
        Assert.All(exact, e => Assert.True(e > SearchRepository.HitSample));
        Assert.InRange(estimated[0], exact[0] * 0.95, exact[0] * 1.05);
        Assert.InRange(estimated[1], exact[1] * 0.95, exact[1] * 1.05);
    }

    [Fact]
    public async Task A_fragment_is_answered_by_the_newest_pieces_index_with_the_window_the_whole_index_gives()
    {
        var search = new SearchRepository(database.Connections);
        var query = SearchQuery.Parse("harb");

        var page = await search.SearchPublishedAsync(query, new SearchFilters("en", null, null, null), 0, 20, CancellationToken.None);

        // The whole index's window for the same fragment, ranked the same way.
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var whole = await Dapper.SqlMapper.QueryAsync<long>(connection, """
            SELECT id FROM (SELECT rowid AS id, archive_rank(article_search, NULL) AS score FROM article_search
                            WHERE article_search MATCH @m ORDER BY rowid DESC LIMIT 1000)
            ORDER BY score, id LIMIT 20
            """, new { m = query.ToMatchExpression() });
        var recentRows = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT count(*) FROM article_search_recent WHERE article_search_recent MATCH @m", new { m = query.ToMatchExpression() });

        Assert.Equal(whole, page.Select(h => h.Id));
        // "harbourmasters" too: every piece here is among the newest 50,000.
        Assert.Equal(SearchRepository.RelevanceWindow + 7, recentRows);
    }

    [Fact]
    public async Task The_newest_pieces_index_follows_edits_and_deletions()
    {
        var search = new SearchRepository(database.Connections);
        await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE articles SET headline = 'Lighthouse keepers', body_markdown = 'The lighthouse keepers met.' WHERE id = @compound", new { compound });
        }

        var edited = await search.SearchPublishedAsync(SearchQuery.Parse("lighthou"), new SearchFilters("en", null, null, null), 0, 20, CancellationToken.None);
        await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
        {
            const string CountSql = "SELECT count(*) FROM article_search_recent WHERE article_search_recent MATCH @m";
            Assert.Equal(1, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, CountSql, new { m = "lighthou*" }));
            Assert.Equal(0, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, CountSql, new { m = "harbourm*" }));
            await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM articles WHERE id = @compound", new { compound });
            Assert.Equal(0, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, CountSql, new { m = "lighthou*" }));
            // FTS5's own check of the index against itself (it fails the statement when the index is corrupt).
            await Dapper.SqlMapper.ExecuteAsync(connection, "INSERT INTO article_search_recent (article_search_recent, rank) VALUES ('integrity-check', 0)");
        }

        Assert.Equal([compound], edited.Select(h => h.Id));
    }

    [Fact]
    public async Task The_deepest_page_is_still_served_from_the_window()
    {
        var search = new SearchRepository(database.Connections);
        var lastOffset = SearchRepository.RelevanceWindow - 10;

        var page = await search.SearchPublishedAsync(SearchQuery.Parse("harbour"), new SearchFilters("en", null, null, null), lastOffset, 21, CancellationToken.None);

        // The window grows to reach a page past its end: 1,006 matches, 1,000 + 11 asked for.
        Assert.Equal(16, page.Count);
    }
}

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
    public async Task The_deepest_page_is_still_served_from_the_window()
    {
        var search = new SearchRepository(database.Connections);
        var lastOffset = SearchRepository.RelevanceWindow - 10;

        var page = await search.SearchPublishedAsync(SearchQuery.Parse("harbour"), new SearchFilters("en", null, null, null), lastOffset, 21, CancellationToken.None);

        // The window grows to reach a page past its end: 1,006 matches, 1,000 + 11 asked for.
        Assert.Equal(16, page.Count);
    }
}

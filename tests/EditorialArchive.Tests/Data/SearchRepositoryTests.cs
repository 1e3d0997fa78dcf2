using System.Text;
using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Reading;

namespace EditorialArchive.Tests.Data;

/// <summary>Search over a fixture of Korean pieces with particles, English phrases and mixed text.</summary>
public sealed class SearchRepositoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2024, 5, 1, 3, 0, 0, TimeSpan.Zero);

    private readonly ArchiveDatabase database = new();
    private readonly SearchRepository search;
    private readonly Dictionary<string, long> ids = [];

    public SearchRepositoryTests() => search = new SearchRepository(database.Connections);

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        (string Key, NewArticle Piece)[] fixture =
        [
            ("ko-missile", ArchiveDatabase.Piece("ko", "북한이 미사일을 또 쐈다", "북한이 동해상으로 미사일을 발사했다. 정부는 안보 회의를 열었다.", Day)),
            ("ko-alliance", ArchiveDatabase.Piece("ko", "북한의 도발과 한미 동맹", "북한의 도발에 맞서 한미 동맹을 강화해야 한다.", Day.AddDays(1), section: "column")),
            ("ko-dialogue", ArchiveDatabase.Piece("ko", "대화의 문을 닫지 말라", "정부는 북한과 대화를 이어가야 한다.", Day.AddDays(2))),
            ("ko-trade", ArchiveDatabase.Piece("ko", "동맹국과의 무역", "미국과의 무역 협상에서 동맹국은 양보를 요구했다.", Day.AddDays(3))),
            ("ko-council", ArchiveDatabase.Piece("ko", "안보리 결의", "유엔 안보리가 결의안을 채택했다.", Day.AddDays(4))),
            ("ko-village", ArchiveDatabase.Piece("ko", "한 북쪽 마을 이야기", "강 건너 한 북쪽 마을에 눈이 내렸다.", Day.AddDays(5))),
            ("ko-draft", ArchiveDatabase.Piece("ko", "북한 초안", "아직 게재하지 않은 북한 관련 초안.", Day.AddDays(6), status: ArticleStatus.Draft)),
            ("ko-mixed", ArchiveDatabase.Piece("ko", "G7에서 본 한국 경제", "G7 정상회의에서 한국 경제가 논의됐다. Samsung and SK Hynix were named.", Day.AddDays(7))),
            ("en-economy", ArchiveDatabase.Piece("en", "Running the economy", "The economies of Asia are running hot, and the central bank is watching.", Day)),
            ("en-missile", ArchiveDatabase.Piece("en", "North Korea's missile test", "North Korean missiles flew over the East Sea. The alliance held.", Day.AddDays(1))),
            ("en-buses", ArchiveDatabase.Piece("en", "Night buses", "The city should keep its night buses running past midnight.", Day.AddDays(2), section: "column", byline: "Seo Ha-neul")),
            ("en-syntax", ArchiveDatabase.Piece("en", "Operators in plain words", "A piece about NEAR and AND operators, not really - with a hyphen.", Day.AddDays(3))),
        ];
        var stored = await database.InsertAsync([.. fixture.Select(f => f.Piece)]);
        for (var i = 0; i < fixture.Length; i++)
        {
            ids[fixture[i].Key] = stored[i];
        }
    }

    public Task DisposeAsync() => database.DisposeAsync();

    private async Task<string[]> HitsAsync(string query, SearchFilters? filters = null)
    {
        var hits = await search.SearchPublishedAsync(
            SearchQuery.Parse(query), filters ?? new SearchFilters(null, null, null, null), 0, 50, CancellationToken.None);
        var keys = ids.ToDictionary(p => p.Value, p => p.Key);
        return [.. hits.Select(h => keys[h.Id]).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [InlineData("북한", new[] { "ko-alliance", "ko-dialogue", "ko-missile" })]
    [InlineData("북한이", new[] { "ko-missile" })]
    [InlineData("북한의", new[] { "ko-alliance" })]
    [InlineData("안보", new[] { "ko-council", "ko-missile" })]
    [InlineData("동맹", new[] { "ko-alliance", "ko-trade" })]
    [InlineData("북한 동맹", new[] { "ko-alliance" })]
    [InlineData("북", new[] { "ko-alliance", "ko-dialogue", "ko-missile", "ko-village" })]
    [InlineData("G7에서", new[] { "ko-mixed" })]
    [InlineData("경제", new[] { "ko-mixed" })]
    [InlineData("samsung", new[] { "ko-mixed" })]
    public async Task Korean_queries_find_words_with_particles_and_two_syllable_nouns(string query, string[] expected) =>
        Assert.Equal(expected, await HitsAsync(query));

    [Theory]
    [InlineData("korea", new[] { "en-missile" })]
    [InlineData("Korean missiles", new[] { "en-missile" })]
    [InlineData("economy", new[] { "en-economy" })]
    [InlineData("running buses", new[] { "en-buses" })]
    [InlineData("night buses", new[] { "en-buses" })]
    [InlineData("seo", new[] { "en-buses" })]
    [InlineData("central bank", new[] { "en-economy" })]
    [InlineData("alliance", new[] { "en-missile" })]
    public async Task English_queries_match_stems_and_word_prefixes(string query, string[] expected) =>
        Assert.Equal(expected, await HitsAsync(query));

    [Fact]
    public async Task A_query_typed_as_decomposed_jamo_matches_composed_text()
    {
        var decomposed = "북한".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("북한", decomposed);

        Assert.Equal(["ko-alliance", "ko-dialogue", "ko-missile"], await HitsAsync(decomposed));
    }

    [Fact]
    public async Task Text_stored_decomposed_is_found_by_a_composed_query()
    {
        await database.InsertAsync(ArchiveDatabase.Piece("ko", "분해된 글", "한국어 " + "통일부".Normalize(NormalizationForm.FormD) + " 발표", Day.AddDays(9)));

        var hits = await search.SearchPublishedAsync(SearchQuery.Parse("통일"), new SearchFilters(null, null, null, null), 0, 10, CancellationToken.None);

        Assert.Equal(["분해된 글"], hits.Select(h => h.Headline));
    }

    [Theory]
    [InlineData("\"", new string[0])]
    [InlineData("*", new string[0])]
    [InlineData("\"unbalanced", new string[0])]
    [InlineData("(((", new string[0])]
    [InlineData("-", new string[0])]
    [InlineData("NEAR(north korea)", new string[0])]
    [InlineData("north -korea", new[] { "en-missile" })]
    [InlineData("north NOT korea", new string[0])]
    [InlineData("near and", new[] { "en-syntax" })]
    [InlineData("headline:북한", new string[0])]
    [InlineData("{headline}: night", new string[0])]
    [InlineData("\" OR 1=1 --", new string[0])]
    [InlineData("buses\"*", new[] { "en-buses" })]
    // The word "a", not every word starting with a (Asia, are, alliance).
    [InlineData("a*", new[] { "en-syntax" })]
    [InlineData("^night", new[] { "en-buses" })]
    [InlineData("night)", new[] { "en-buses" })]
    public async Task Hostile_queries_are_plain_words_never_syntax(string query, string[] expected) =>
        Assert.Equal(expected, await HitsAsync(query));

    [Fact]
    public async Task Drafts_are_never_found_and_a_status_change_needs_no_reindexing()
    {
        Assert.DoesNotContain("ko-draft", await HitsAsync("초안"));

        await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "UPDATE articles SET status = 'published' WHERE id = @Id; UPDATE articles SET status = 'unpublished' WHERE id = @Other",
                new { Id = ids["ko-draft"], Other = ids["ko-missile"] });
        }

        Assert.Equal(["ko-alliance", "ko-dialogue", "ko-draft"], await HitsAsync("북한"));
    }

    [Fact]
    public async Task Edits_and_deletions_reach_the_index_in_the_same_transaction()
    {
        await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
        {
            await using var transaction = connection.BeginTransaction();
            await connection.ExecuteAsync(
                "UPDATE articles SET headline = 'Day buses', body_markdown = 'The city runs **day** trams.' WHERE id = @Id",
                new { Id = ids["en-buses"] }, transaction);
            await connection.ExecuteAsync("DELETE FROM articles WHERE id = @Id", new { Id = ids["en-economy"] }, transaction);
            // Rolled back: the index must not have moved either.
            await transaction.RollbackAsync();
        }

        Assert.Equal(["en-buses"], await HitsAsync("night"));

        await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "UPDATE articles SET headline = 'Day buses', body_markdown = 'The city runs **day** trams.' WHERE id = @Id",
                new { Id = ids["en-buses"] });
            await connection.ExecuteAsync("DELETE FROM articles WHERE id = @Id", new { Id = ids["en-economy"] });
        }

        Assert.Empty(await HitsAsync("night"));
        Assert.Equal(["en-buses"], await HitsAsync("trams"));
        Assert.Empty(await HitsAsync("economy"));
    }

    [Fact]
    public async Task Filters_narrow_by_language_section_and_posted_range()
    {
        Assert.Equal(["ko-alliance"], await HitsAsync("북한", new SearchFilters("ko", "column", null, null)));
        Assert.Empty(await HitsAsync("북한", new SearchFilters("en", null, null, null)));
        Assert.Equal(["ko-alliance", "ko-dialogue"], await HitsAsync("북한", new SearchFilters(null, null, Day.AddDays(1), Day.AddDays(3))));
    }

    [Fact]
    public async Task Results_are_ordered_by_relevance_headline_first()
    {
        var hits = await search.SearchPublishedAsync(SearchQuery.Parse("buses"), new SearchFilters(null, null, null, null), 0, 10, CancellationToken.None);
        await database.InsertAsync(ArchiveDatabase.Piece("en", "A long piece on transport", "Trains, trams and buses all matter.", Day.AddDays(20)));

        var after = await search.SearchPublishedAsync(SearchQuery.Parse("buses"), new SearchFilters(null, null, null, null), 0, 10, CancellationToken.None);

        Assert.Equal(["Night buses"], hits.Select(h => h.Headline));
        Assert.Equal(["Night buses", "A long piece on transport"], after.Select(h => h.Headline));
    }

    [Fact]
    public async Task A_two_syllable_query_is_answered_from_the_full_text_index()
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var plan = (await connection.QueryAsync<(long, long, long, string Detail)>(
            "EXPLAIN QUERY PLAN " + SearchRepository.SearchPublishedSql,
            new { Match = SearchQuery.Parse("북한").ToMatchExpression(), Language = "ko", SectionSlug = (string?)null, From = (string?)null, Until = (string?)null, Window = 1000, Limit = 20, Offset = 0 }))
            .Select(r => r.Detail).ToList();

        Assert.Contains(plan, d => d.StartsWith("SCAN article_search VIRTUAL TABLE INDEX", StringComparison.Ordinal));
        // Matches are filtered through the narrow index, and only the page shown is read from the wide rows.
        Assert.Contains(plan, d => d.StartsWith("SEARCH f USING COVERING INDEX ix_articles_summary (id=? AND status=?", StringComparison.Ordinal));
        Assert.Contains("SEARCH a USING INTEGER PRIMARY KEY (rowid=?)", plan);
        Assert.DoesNotContain(plan, d => d.Split(' ') is ["SCAN", "a" or "f", ..]);
    }

    [Fact]
    public async Task Related_pieces_share_headline_words_and_exclude_the_piece_itself()
    {
        var related = await search.ListRelatedAsync(
            ids["ko-missile"], "ko", SearchQuery.Parse("북한이 미사일을 또 쐈다").Significant(), 3, CancellationToken.None);

        Assert.Equal([ids["ko-alliance"], ids["ko-dialogue"]], related.Select(r => r.Id).Order());
    }
}

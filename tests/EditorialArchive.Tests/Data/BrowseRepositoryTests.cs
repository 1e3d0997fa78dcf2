using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Reading;

namespace EditorialArchive.Tests.Data;

public sealed class BrowseRepositoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ArchiveDatabase database = new();
    private readonly BrowseRepository browse;
    private readonly ArchiveCountsRepository counts;

    public BrowseRepositoryTests()
    {
        browse = new BrowseRepository(database.Connections);
        counts = new ArchiveCountsRepository(database.Connections);
    }

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Keyset_pages_walk_the_whole_list_older_and_back_newer_without_gaps_or_repeats()
    {
        // 25 pieces, two pairs sharing an instant, so the id breaks ties.
        var pieces = Enumerable.Range(0, 25)
            .Select(i => ArchiveDatabase.Piece("en", $"Piece {i}", "Text.", Start.AddDays(i is 7 or 15 ? i - 1 : i)))
            .ToArray();
        var ids = await database.InsertAsync(pieces);
        await database.InsertAsync(ArchiveDatabase.Piece("ko", "다른 판", "본문", Start));
        var expected = ids.Zip(pieces).OrderByDescending(p => p.Second.PostedAt).ThenByDescending(p => p.First).Select(p => p.First).ToList();

        var older = new List<long>();
        var page = await browse.ListLatestPageAsync("en", new PageRequest(null, null, 10), CancellationToken.None);
        var pages = new List<PiecePage> { page };
        older.AddRange(page.Pieces.Select(p => p.Id));
        while (page.Older is not null)
        {
            page = await browse.ListLatestPageAsync("en", new PageRequest(page.Older, null, 10), CancellationToken.None);
            pages.Add(page);
            older.AddRange(page.Pieces.Select(p => p.Id));
        }

        var newer = new List<long>(page.Pieces.Select(p => p.Id));
        while (page.Newer is not null)
        {
            page = await browse.ListLatestPageAsync("en", new PageRequest(null, page.Newer, 10), CancellationToken.None);
            newer.InsertRange(0, page.Pieces.Select(p => p.Id));
        }

        Assert.Equal(expected, older);
        Assert.Equal(expected, newer);
        Assert.Equal([10, 10, 5], pages.Select(p => p.Pieces.Count));
        Assert.Null(pages[0].Newer);
        Assert.Null(pages[^1].Older);
    }

    [Theory]
    [InlineData(BrowseRepository.ListLatestOlderSql, "ix_articles_published_language_posted (language=? AND posted_at<?)")]
    [InlineData(BrowseRepository.ListSectionOlderSql, "ix_articles_published_section_posted (language=? AND section_id=? AND posted_at<?)")]
    [InlineData(BrowseRepository.ListBylineNewerSql, "ix_articles_published_byline_posted (language=? AND byline=? AND posted_at>?)")]
    [InlineData(BrowseRepository.ListPeriodOlderSql, "ix_articles_published_language_posted (language=? AND posted_at>? AND posted_at<?)")]
    public async Task Every_list_seeks_in_an_index_and_never_sorts(string sql, string index)
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var plan = (await connection.QueryAsync<(long, long, long, string Detail)>(
            "EXPLAIN QUERY PLAN " + sql,
            new
            {
                Language = "en",
                SectionId = 1,
                Byline = "x",
                From = "2020",
                Until = "2021",
                CursorPostedAt = "2020-06-01T00:00:00Z",
                CursorId = 5,
                Limit = 21,
            }))
            .Select(r => r.Detail).ToList();

        Assert.Contains($"SEARCH a USING INDEX {index}", plan);
        Assert.DoesNotContain(plan, d => d.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RelatedPiecesRepository.ListStoredSql, "a")]
    [InlineData(NeighbourRepository.ListSectionNeighboursSql, "a")]
    [InlineData(ArticleRepository.GetPublishedByIdSql, "t")]
    public async Task The_pieces_an_article_page_links_to_are_read_from_the_link_index_not_from_their_rows(string sql, string alias)
    {
        // Their status and posted_at sit after both bodies in the row: reading them there walks every overflow page.
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var plan = (await connection.QueryAsync<(long, long, long, string Detail)>(
            "EXPLAIN QUERY PLAN " + sql,
            new { Id = 5, Language = "en", SectionSlug = "editorial", PostedAt = "2020-06-01T00:00:00Z" }))
            .Select(r => r.Detail).ToList();

        Assert.Contains(plan, d => d.StartsWith($"SEARCH {alias} USING COVERING INDEX ix_articles_link (id=?", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, d => d.StartsWith($"SEARCH {alias} USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_this_day_seeks_one_index_range_per_day_instead_of_walking_the_edition()
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var plan = (await connection.QueryAsync<(long, long, long, string Detail)>(
            "EXPLAIN QUERY PLAN " + BrowseRepository.ListOnDaysSql,
            new { Days = "[[\"2020-01-01T00:00:00Z\",\"2020-01-02T00:00:00Z\"]]", Language = "en", Limit = 5 }))
            .Select(r => r.Detail).ToList();

        // The days are the outer loop; each seeks its own range of the edition's index.
        Assert.StartsWith("SCAN d VIRTUAL TABLE", plan[0], StringComparison.Ordinal);
        Assert.Contains("SEARCH a USING INDEX ix_articles_published_language_posted (language=? AND posted_at>? AND posted_at<?)", plan);
    }

    [Fact]
    public async Task Month_counts_follow_inserts_status_changes_moves_and_deletes_in_the_newsroom_zone()
    {
        // 2023-12-31T20:00Z is already 2024-01-01 in Seoul.
        var ids = await database.InsertAsync(
            ArchiveDatabase.Piece("en", "New Year", "Text.", new DateTimeOffset(2023, 12, 31, 20, 0, 0, TimeSpan.Zero)),
            ArchiveDatabase.Piece("en", "December", "Text.", new DateTimeOffset(2023, 12, 31, 10, 0, 0, TimeSpan.Zero)),
            ArchiveDatabase.Piece("en", "Draft", "Text.", new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.Zero), status: ArticleStatus.Draft),
            ArchiveDatabase.Piece("ko", "한국어", "본문", new DateTimeOffset(2023, 12, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal([new MonthCount(2024, 1, 1), new MonthCount(2023, 12, 1)], await counts.ListMonthCountsAsync("en", 2000, 2030, CancellationToken.None));

        await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE articles SET status = 'published' WHERE id = @Id", new { Id = ids[2] });
            await connection.ExecuteAsync("UPDATE articles SET posted_at = '2022-05-05T00:00:00Z' WHERE id = @Id", new { Id = ids[0] });
            await connection.ExecuteAsync("DELETE FROM articles WHERE id = @Id", new { Id = ids[1] });
        }

        Assert.Equal([new MonthCount(2023, 12, 1), new MonthCount(2022, 5, 1)], await counts.ListMonthCountsAsync("en", 2000, 2030, CancellationToken.None));
        Assert.Equal([new MonthCount(2023, 12, 1)], await counts.ListMonthCountsAsync("ko", 2000, 2030, CancellationToken.None));
    }

    [Fact]
    public async Task On_this_day_finds_pieces_of_the_given_days_only()
    {
        await database.InsertAsync(
            ArchiveDatabase.Piece("en", "Same day 2021", "Text.", new DateTimeOffset(2021, 3, 4, 1, 0, 0, TimeSpan.Zero)),
            ArchiveDatabase.Piece("en", "Next day 2021", "Text.", new DateTimeOffset(2021, 3, 5, 1, 0, 0, TimeSpan.Zero)),
            ArchiveDatabase.Piece("en", "Same day 2019", "Text.", new DateTimeOffset(2019, 3, 4, 1, 0, 0, TimeSpan.Zero)));
        (DateTimeOffset, DateTimeOffset)[] days =
        [
            (new DateTimeOffset(2021, 3, 4, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2021, 3, 5, 0, 0, 0, TimeSpan.Zero)),
            (new DateTimeOffset(2019, 3, 4, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2019, 3, 5, 0, 0, 0, TimeSpan.Zero)),
        ];

        var pieces = await browse.ListOnDaysAsync("en", days, 5, CancellationToken.None);

        Assert.Equal(["Same day 2021", "Same day 2019"], pieces.Select(p => p.Headline));
    }

    [Fact]
    public async Task Changing_the_zone_recounts_the_months_once()
    {
        await database.InsertAsync(ArchiveDatabase.Piece("en", "New Year", "Text.", new DateTimeOffset(2023, 12, 31, 20, 0, 0, TimeSpan.Zero)));
        var utc = new ArchiveCountsRepository(new SqliteConnectionFactory(database.Connections.ConnectionString, TimeZoneInfo.Utc));

        Assert.False(await counts.RecountIfZoneChangedAsync(CancellationToken.None));
        Assert.True(await utc.RecountIfZoneChangedAsync(CancellationToken.None));
        Assert.False(await utc.RecountIfZoneChangedAsync(CancellationToken.None));
        Assert.Equal([new MonthCount(2023, 12, 1)], await utc.ListMonthCountsAsync("en", 2000, 2030, CancellationToken.None));
    }
}

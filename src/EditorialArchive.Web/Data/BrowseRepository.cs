using Dapper;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Reading;

namespace EditorialArchive.Web.Data;

/// <summary>
/// Lists of published pieces, newest first, paged by keyset on (posted_at, id): each page seeks into an
/// index to its cursor, so page 5,000 costs what page 1 costs. Each list has an "older" and a "newer" query.
/// </summary>
public sealed class BrowseRepository(SqliteConnectionFactory connections)
{
    // The opening of the Markdown is enough for an excerpt (Excerpt cuts at about 200 characters of text).
    private const string SelectListed = """
        SELECT a.id, a.slug, a.language, a.headline, s.slug AS section_slug, s.name_en AS section_name_en,
               s.name_ko AS section_name_ko, a.byline, a.posted_at, substr(a.body_markdown, 1, 1200) AS opening_markdown
        FROM articles a
        JOIN sections s ON s.id = a.section_id
        """;

    private const string OlderThanCursor = """
        AND (a.posted_at, a.id) < (@CursorPostedAt, @CursorId)
        ORDER BY a.posted_at DESC, a.id DESC
        LIMIT @Limit
        """;

    private const string NewerThanCursor = """
        AND (a.posted_at, a.id) > (@CursorPostedAt, @CursorId)
        ORDER BY a.posted_at ASC, a.id ASC
        LIMIT @Limit
        """;

    private const string LatestFilter = "WHERE a.status = 'published' AND a.language = @Language";
    public const string ListLatestOlderSql = $"{SelectListed} {LatestFilter} {OlderThanCursor}";
    private const string ListLatestNewerSql = $"{SelectListed} {LatestFilter} {NewerThanCursor}";

    /// <summary>Newest published pieces of an edition (home page).</summary>
    public Task<PiecePage> ListLatestPageAsync(string language, PageRequest page, CancellationToken cancellationToken) =>
        ListPageAsync(ListLatestOlderSql, ListLatestNewerSql, new { Language = language }, page, cancellationToken);

    private const string SectionFilter = "WHERE a.status = 'published' AND a.language = @Language AND a.section_id = @SectionId";
    public const string ListSectionOlderSql = $"{SelectListed} {SectionFilter} {OlderThanCursor}";
    private const string ListSectionNewerSql = $"{SelectListed} {SectionFilter} {NewerThanCursor}";

    public Task<PiecePage> ListSectionPageAsync(string language, long sectionId, PageRequest page, CancellationToken cancellationToken) =>
        ListPageAsync(ListSectionOlderSql, ListSectionNewerSql, new { Language = language, SectionId = sectionId }, page, cancellationToken);

    private const string BylineFilter = "WHERE a.status = 'published' AND a.language = @Language AND a.byline = @Byline";
    private const string ListBylineOlderSql = $"{SelectListed} {BylineFilter} {OlderThanCursor}";
    public const string ListBylineNewerSql = $"{SelectListed} {BylineFilter} {NewerThanCursor}";

    public Task<PiecePage> ListBylinePageAsync(string language, string byline, PageRequest page, CancellationToken cancellationToken) =>
        ListPageAsync(ListBylineOlderSql, ListBylineNewerSql, new { Language = language, Byline = byline }, page, cancellationToken);

    private const string PeriodFilter = """
        WHERE a.status = 'published' AND a.language = @Language AND a.posted_at >= @From AND a.posted_at < @Until
        """;

    public const string ListPeriodOlderSql = $"{SelectListed} {PeriodFilter} {OlderThanCursor}";
    private const string ListPeriodNewerSql = $"{SelectListed} {PeriodFilter} {NewerThanCursor}";

    /// <summary>Pieces posted in [<paramref name="from"/>, <paramref name="until"/>) (a month of the archive).</summary>
    public Task<PiecePage> ListPeriodPageAsync(
        string language, DateTimeOffset from, DateTimeOffset until, PageRequest page, CancellationToken cancellationToken) =>
        ListPageAsync(
            ListPeriodOlderSql,
            ListPeriodNewerSql,
            new { Language = language, From = UtcInstant.Format(from), Until = UtcInstant.Format(until) },
            page,
            cancellationToken,
            // Seek from the period's end, not from the end of time: the index range is then the period alone.
            seekFrom: new PublishedCursor(until, 0));

    // CROSS JOIN keeps the days as the outer loop (SQLite does not reorder it): one short index range per day,
    // instead of walking the edition newest-first until enough pieces fall on one of the days.
    public const string ListOnDaysSql = """
        SELECT a.id, a.slug, a.language, a.headline, s.slug AS section_slug, s.name_en AS section_name_en,
               s.name_ko AS section_name_ko, a.byline, a.posted_at, '' AS opening_markdown
        FROM json_each(@Days) AS d
        CROSS JOIN articles a ON a.status = 'published' AND a.language = @Language
                       AND a.posted_at >= (d.value ->> 0) AND a.posted_at < (d.value ->> 1)
        JOIN sections s ON s.id = a.section_id
        ORDER BY a.posted_at DESC, a.id DESC
        LIMIT @Limit
        """;

    /// <summary>Pieces posted within any of the given days (each [start, end) in UTC): "on this day" in earlier years.</summary>
    public async Task<IReadOnlyList<ListedPiece>> ListOnDaysAsync(
        string language, IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> days, int limit, CancellationToken cancellationToken)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(days.Select(d => new[] { UtcInstant.Format(d.Start), UtcInstant.Format(d.End) }));
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ListedPiece>(new CommandDefinition(
            ListOnDaysSql, new { Language = language, Days = json, Limit = limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string GetSectionBySlugSql = "SELECT id, slug, name_en AS nameen, name_ko AS nameko FROM sections WHERE slug = @Slug";

    public async Task<Section?> GetSectionBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Section>(new CommandDefinition(
            GetSectionBySlugSql, new { Slug = slug }, cancellationToken: cancellationToken));
    }

    private const string ListSectionsSql = "SELECT id, slug, name_en AS nameen, name_ko AS nameko FROM sections ORDER BY id";

    public async Task<IReadOnlyList<Section>> ListSectionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Section>(new CommandDefinition(ListSectionsSql, cancellationToken: cancellationToken))).AsList();
    }

    private async Task<PiecePage> ListPageAsync(
        string olderSql, string newerSql, object filter, PageRequest page, CancellationToken cancellationToken, PublishedCursor? seekFrom = null)
    {
        var parameters = new DynamicParameters(filter);
        parameters.Add("Limit", page.Size + 1);
        var newer = page.After is not null;
        // The first page seeks from past the newest possible position (of the list, if it has an end).
        seekFrom ??= new PublishedCursor(DateTimeOffset.MaxValue, long.MaxValue);
        var cursor = page.After
            ?? (page.Before is { } before && (before.PostedAt, before.Id).CompareTo((seekFrom.PostedAt, seekFrom.Id)) < 0 ? before : seekFrom);
        parameters.Add("CursorPostedAt", UtcInstant.Format(cursor.PostedAt));
        parameters.Add("CursorId", cursor.Id);

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ListedPiece>(new CommandDefinition(
            newer ? newerSql : olderSql, parameters, cancellationToken: cancellationToken))).AsList();
        var more = rows.Count > page.Size;
        var pieces = rows.Take(page.Size).ToList();
        if (newer)
        {
            pieces.Reverse();
            // Past the newest piece: offer the way back to what is older than the cursor.
            return pieces.Count == 0
                ? new PiecePage(pieces, null, page.After)
                : new PiecePage(pieces, more ? pieces[0].Cursor : null, pieces[^1].Cursor);
        }

        return pieces.Count == 0
            ? new PiecePage(pieces, page.Before, null)
            : new PiecePage(pieces, page.Before is null ? null : pieces[0].Cursor, more ? pieces[^1].Cursor : null);
    }
}

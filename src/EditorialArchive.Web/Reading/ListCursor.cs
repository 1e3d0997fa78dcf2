using System.Globalization;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;

namespace EditorialArchive.Web.Reading;

/// <summary>
/// The text form of a list position in URLs (<c>2023-12-14T23:09:00Z_42</c>: posted instant and id of the
/// piece at the edge of a page), so that every page of a list has a stable, crawlable address.
/// </summary>
public static class ListCursor
{
    public static string Format(PublishedCursor cursor) =>
        $"{UtcInstant.Format(cursor.PostedAt)}_{cursor.Id.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? value, out PublishedCursor? cursor)
    {
        cursor = null;
        var parts = value?.Split('_') ?? [];
        if (parts.Length == 2
            && DateTimeOffset.TryParseExact(parts[0], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var postedAt)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            cursor = new PublishedCursor(postedAt, id);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Reads <c>?before=</c> / <c>?after=</c>: at most one of them, well formed. False means a 400 answer.
    /// </summary>
    public static bool TryReadRequest(string? before, string? after, int pageSize, out PageRequest request)
    {
        request = new PageRequest(null, null, pageSize);
        if (before is not null && after is not null)
        {
            return false;
        }

        if (before is not null)
        {
            if (!TryParse(before, out var cursor))
            {
                return false;
            }

            request = request with { Before = cursor };
        }

        if (after is not null)
        {
            if (!TryParse(after, out var cursor))
            {
                return false;
            }

            request = request with { After = cursor };
        }

        return true;
    }
}

/// <summary>Which page of a newest-first list: the one before (older than) or after (newer than) a cursor, or the first.</summary>
public sealed record PageRequest(PublishedCursor? Before, PublishedCursor? After, int Size);

/// <summary>One page of a list, and the cursors of the pages beside it (null where there is none).</summary>
public sealed record PiecePage(IReadOnlyList<ListedPiece> Pieces, PublishedCursor? Newer, PublishedCursor? Older);

/// <summary>A published piece in a list, with the opening of its text.</summary>
public sealed class ListedPiece
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Language { get; init; } = "";
    public string Headline { get; init; } = "";
    public string SectionSlug { get; init; } = "";
    public string SectionNameEn { get; init; } = "";
    public string SectionNameKo { get; init; } = "";
    public string? Byline { get; init; }
    public DateTimeOffset PostedAt { get; init; }

    /// <summary>The start of the Markdown body, from which the excerpt is made.</summary>
    public string OpeningMarkdown { get; init; } = "";

    public string SectionName => Language == Languages.Korean ? SectionNameKo : SectionNameEn;

    public PublishedCursor Cursor => new(PostedAt, Id);
}

/// <summary>A section of the opinion pages (editorial, column, op-ed, letters).</summary>
public sealed record Section(long Id, string Slug, string NameEn, string NameKo)
{
    public string Name(string language) => language == Languages.Korean ? NameKo : NameEn;
}

/// <summary>Published pieces of one language in one month of the newsroom's calendar.</summary>
public sealed record MonthCount(int Year, int Month, long Count);

/// <summary>A search hit: the piece and its Markdown body, from whose text the snippet is cut.</summary>
public class SearchHit
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Language { get; init; } = "";
    public string Headline { get; init; } = "";
    public string SectionNameEn { get; init; } = "";
    public string SectionNameKo { get; init; } = "";
    public string? Byline { get; init; }
    public DateTimeOffset PostedAt { get; init; }
    public string BodyMarkdown { get; init; } = "";

    public string SectionName => Language == Languages.Korean ? SectionNameKo : SectionNameEn;
}

/// <summary>A piece linked from another (previous / next in its section, related).</summary>
public sealed class LinkedPiece
{
    public string Position { get; init; } = "";
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Language { get; init; } = "";
    public string Headline { get; init; } = "";
    public DateTimeOffset PostedAt { get; init; }
}

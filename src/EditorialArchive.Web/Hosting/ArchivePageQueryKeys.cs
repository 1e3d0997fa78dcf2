using EditorialArchive.Web.Articles;
using Microsoft.Extensions.Primitives;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// The query keys each public page reads, which are all its cache key may vary by: search reads its form, the lists
/// (front page, section, byline, archive month) their cursors, every other page nothing.
/// </summary>
public static class ArchivePageQueryKeys
{
    public static readonly StringValues Search = new(["q", "language", "section", "from", "to", "page"]);

    public static readonly StringValues ListCursors = new(["before", "after"]);

    public static StringValues For(PathString path)
    {
        // /{lang}/, /{lang}/search, /{lang}/sections/{slug}, /{lang}/bylines/{name}, /{lang}/archive/{year}/{month}
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || !Languages.IsSupported(segments[0]))
        {
            return StringValues.Empty;
        }

        return segments switch
        {
            [_, "search"] => Search,
            [_] => ListCursors,
            [_, "sections" or "bylines", _] => ListCursors,
            [_, "archive", _, _] => ListCursors,
            _ => StringValues.Empty,
        };
    }
}

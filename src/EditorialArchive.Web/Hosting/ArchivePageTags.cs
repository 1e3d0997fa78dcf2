using System.Globalization;
using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// The output cache's tags: what each cached page shows, so that a change to one piece evicts the pages that show it
/// and nothing else. Pages name their tags while they render (<see cref="IsArticle"/>, <see cref="LinksTo"/>,
/// ListsEdition, <see cref="IsSearch"/>); a page that names none is tagged <see cref="Unspecific"/> and
/// goes on every change.
/// </summary>
public static class ArchivePageTags
{
    /// <summary>On every cached page: evicting it empties the cache.</summary>
    public const string Everything = "archive";

    /// <summary>Pages that name nothing more precise (archive overview, sections index, robots.txt, …).</summary>
    public const string Unspecific = "any";

    /// <summary>Search results may show any piece.</summary>
    public const string Search = "search";

    /// <summary>The page of the piece itself.</summary>
    public static string Article(long id) => "article:" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A list or feed showing the piece's headline, byline, time and opening.</summary>
    public static string Shows(long id) => "shows:" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A page linking to the piece by its headline and address (counterpart, previous/next, related).</summary>
    public static string Links(long id) => "links:" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A list of an edition whose membership changes when a piece of it enters, leaves or moves.</summary>
    public static string Edition(string language) => "edition:" + language;

    /// <summary>The piece's own page.</summary>
    public static void IsArticle(HttpContext context, long id) => Add(context, Article(id));

    /// <summary>A list or feed of <paramref name="language"/> showing these pieces.</summary>
    public static void ListsEdition(HttpContext context, string language, IEnumerable<long> shownIds)
    {
        Add(context, Edition(language));
        foreach (var id in shownIds)
        {
            Add(context, Shows(id));
        }
    }

    /// <summary>A list of <paramref name="language"/> that shows counts or months, not pieces.</summary>
    public static void ListsEdition(HttpContext context, string language) => Add(context, Edition(language));

    public static void LinksTo(HttpContext context, IEnumerable<long> linkedIds)
    {
        foreach (var id in linkedIds)
        {
            Add(context, Links(id));
        }
    }

    public static void IsSearch(HttpContext context) => Add(context, Search);

    /// <summary>The tags a committed change evicts (see migration 010 for what each scope means).</summary>
    public static IEnumerable<string> EvictedBy(ArchivePageChange change)
    {
        if (change.Scope == "all" || change.ArticleId is not { } id)
        {
            yield return Everything;
            yield break;
        }

        yield return Article(id);
        if (change.Scope == "neighbour")
        {
            yield break;
        }

        yield return Shows(id);
        yield return Search;
        yield return Unspecific;
        if (change.Scope is "listing" or "membership")
        {
            yield return Links(id);
        }

        if (change.Scope == "membership" && change.Language is { } language)
        {
            yield return Edition(language);
        }
    }

    /// <summary>Whether the page named what it shows (beyond the tags every entry carries).</summary>
    internal static bool NamesWhatItShows(OutputCacheContext context) =>
        context.Tags.Any(t => t != Everything && !ArchivePageCache.IsGenerationTag(t));

    private static void Add(HttpContext context, string tag) =>
        context.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(tag);
}

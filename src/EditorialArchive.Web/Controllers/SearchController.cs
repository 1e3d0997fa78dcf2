using System.Globalization;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Hosting;
using EditorialArchive.Web.Localization;
using EditorialArchive.Web.Reading;
using EditorialArchive.Web.Seo;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace EditorialArchive.Web.Controllers;

/// <summary>
/// Full-text search. The query is plain words (see <see cref="SearchQuery"/>); filters are checked here and
/// a bad one answers 400 with the form and a message, never an error page.
/// </summary>
public sealed class SearchController(
    SearchRepository search, BrowseRepository browse, ArchiveCalendar calendar, ArchiveTime time, IStringLocalizer<SharedResource> text) : Controller
{
    private const int PageSize = 20;

    /// <summary>Relevance ranks a window of the newest matches (<see cref="SearchRepository.RelevanceWindow"/>), so paging is bounded rather than keyset: 50 pages of 20.</summary>
    public const int MaxPage = 50;

    private const string AllLanguages = "all";

    [HttpGet("/{lang:" + Languages.RouteConstraint + "}/search")]
    [ArchiveHttpCaching]
    [EnableRateLimiting(RateLimitServices.SearchPolicy)]
    public async Task<IActionResult> Index(string lang, [FromQuery] SearchInput input, CancellationToken cancellationToken)
    {
        ArchivePageTags.IsSearch(HttpContext);
        var sections = await browse.ListSectionsAsync(cancellationToken);
        var language = string.IsNullOrEmpty(input.Language) ? lang : input.Language;
        var form = new SearchFormViewModel(
            input.Q ?? "", language, input.Section ?? "", input.From ?? "", input.To ?? "",
            [.. sections.Select(s => new NavLink(s.Slug, s.Name(lang)))]);

        var errors = new List<string>();
        if (language is not (Languages.English or Languages.Korean or AllLanguages))
        {
            errors.Add(text["Unknown language"]);
        }

        if (!string.IsNullOrEmpty(input.Section) && sections.All(s => s.Slug != input.Section))
        {
            errors.Add(text["Unknown section"]);
        }

        var from = ReadDate(input.From, "From date is not a date", errors);
        var to = ReadDate(input.To, "To date is not a date", errors);
        if (from is { } f && to is { } t && f > t)
        {
            errors.Add(text["Date range reversed"]);
        }

        var pageNumber = input.Page ?? 1;
        if (pageNumber is < 1 or > MaxPage)
        {
            errors.Add(text["Page out of range {0}", MaxPage]);
        }

        var query = SearchQuery.Parse(input.Q);
        var model = new SearchPageViewModel { Language = lang, Title = text["Search"], Form = form, Errors = errors };
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(model);
        }

        if (query.IsEmpty)
        {
            // No words (an empty box, or only punctuation): the form alone.
            return View(model);
        }

        var filters = new SearchFilters(
            language == AllLanguages ? null : language,
            string.IsNullOrEmpty(input.Section) ? null : input.Section,
            from is { } start ? calendar.StartOf(start) : null,
            to is { } end ? calendar.StartOf(end.AddDays(1)) : null);
        var hits = await search.SearchPublishedAsync(query, filters, (pageNumber - 1) * PageSize, PageSize + 1, cancellationToken);

        return View(new SearchPageViewModel
        {
            Language = lang,
            Title = text["Search results for {0}", form.Query],
            Form = form,
            Searched = true,
            PageNumber = pageNumber,
            FirstNumber = ((pageNumber - 1) * PageSize) + 1,
            Results = [.. hits.Take(PageSize).Select(h => new SearchResultItem(
                ArticleUrls.Article(h.Language, h.Id, h.Slug),
                h.Language,
                SearchHighlighter.Highlight(h.Headline, query),
                SearchHighlighter.SnippetOfMarkdown(h.BodyMarkdown, query),
                h.SectionName,
                h.Byline,
                new ShownInstant(time.FormatDisplay(h.PostedAt, h.Language), time.FormatMachine(h.PostedAt))))],
            PreviousPageUrl = pageNumber > 1 ? PageUrl(lang, input, pageNumber - 1) : null,
            NextPageUrl = hits.Count > PageSize && pageNumber < MaxPage ? PageUrl(lang, input, pageNumber + 1) : null,
        });
    }

    private DateOnly? ReadDate(string? value, string errorKey, List<string> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && ArchiveCalendar.IsValidYear(date.Year))
        {
            return date;
        }

        errors.Add(text[errorKey]);
        return null;
    }

    private static string PageUrl(string lang, SearchInput input, int page)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = input.Q,
            ["language"] = input.Language,
            ["section"] = input.Section,
            ["from"] = input.From,
            ["to"] = input.To,
            ["page"] = page.ToString(CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value)));
        return ReadingUrls.Search(lang) + query;
    }
}

/// <summary>The search form's fields, as they arrive in the query string.</summary>
public sealed class SearchInput
{
    public string? Q { get; init; }
    public string? Language { get; init; }
    public string? Section { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public int? Page { get; init; }
}

using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Hosting;
using EditorialArchive.Web.Localization;
using EditorialArchive.Web.Reading;
using EditorialArchive.Web.Seo;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace EditorialArchive.Web.Controllers;

public sealed class HomeController(
    BrowseRepository browse, ArchiveCalendar calendar, PieceListing listing, IStringLocalizer<SharedResource> text, PageSeoBuilder seo) : Controller
{
    private const int PageSize = 20;
    private const int OnThisDayYears = 30;
    private const int OnThisDayCount = 5;

    /// <summary>
    /// The bare domain sends readers to the edition their browser prefers (Korean if it ranks Korean above
    /// English), else to the English edition, which is what this site is first of all.
    /// </summary>
    [HttpGet("/")]
    public IActionResult Root()
    {
        Response.Headers.Vary = HeaderNames.AcceptLanguage;
        var preferred = Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(Languages.IsSupported);
        return Redirect(ArticleUrls.Home(preferred ?? Languages.English));
    }

    [HttpGet("/{lang:" + Languages.RouteConstraint + "}/")]
    [ArchiveHttpCaching]
    public async Task<IActionResult> Index(string lang, string? before, string? after, CancellationToken cancellationToken)
    {
        if (!ListCursor.TryReadRequest(before, after, PageSize, out var request))
        {
            return BadRequest();
        }

        var page = await browse.ListLatestPageAsync(lang, request, cancellationToken);
        var list = listing.List(ArticleUrls.Home(lang), page);
        var isFirstPage = request.Before is null && request.After is null;
        var onThisDay = isFirstPage
            ? await browse.ListOnDaysAsync(lang, calendar.SameDayInEarlierYears(OnThisDayYears), OnThisDayCount, cancellationToken)
            : [];
        ArchivePageTags.ListsEdition(HttpContext, lang, [.. page.Pieces.Select(p => p.Id), .. onThisDay.Select(p => p.Id)]);

        return View(new HomePageViewModel
        {
            Language = lang,
            Title = text["Opinion"],
            IsFirstPage = isFirstPage,
            Seo = seo.ForHome(lang, isFirstPage, Request),
            NewerUrl = list.NewerUrl,
            OlderUrl = list.OlderUrl,
            Pieces = list.Pieces,
            OnThisDay = [.. onThisDay.Select(listing.Item)],
        });
    }
}

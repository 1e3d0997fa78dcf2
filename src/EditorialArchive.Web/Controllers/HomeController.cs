using System.Globalization;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Localization;
using EditorialArchive.Web.Seo;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace EditorialArchive.Web.Controllers;

public sealed class HomeController(ArticleRepository articles, ArchiveTime time, IStringLocalizer<SharedResource> text, PageSeoBuilder seo) : Controller
{
    private const int PageSize = 20;

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
    public async Task<IActionResult> Index(string lang, string? before, CancellationToken cancellationToken)
    {
        PublishedCursor? cursor = null;
        if (before is not null && !TryParseCursor(before, out cursor))
        {
            return BadRequest();
        }

        var page = await articles.ListPublishedPageAsync(lang, cursor, PageSize + 1, cancellationToken);
        var shown = page.Take(PageSize).ToList();
        string? olderUrl = null;
        if (page.Count > PageSize)
        {
            var last = shown[^1];
            olderUrl = $"{ArticleUrls.Home(lang)}?before={Uri.EscapeDataString(FormatCursor(new PublishedCursor(last.PostedAt, last.Id)))}";
        }

        return View(new HomePageViewModel
        {
            Language = lang,
            Title = text["Opinion"],
            IsFirstPage = cursor is null,
            Seo = seo.ForHome(lang, cursor is null, Request),
            OlderUrl = olderUrl,
            Pieces = [.. shown.Select(p => new ArticleListItem(
                ArticleUrls.Article(p.Language, p.Id, p.Slug),
                p.Headline,
                p.SectionName,
                p.Byline,
                new ShownInstant(time.FormatDisplay(p.PostedAt, lang), time.FormatMachine(p.PostedAt))))],
        });
    }

    private static string FormatCursor(PublishedCursor cursor) =>
        $"{UtcInstant.Format(cursor.PostedAt)}_{cursor.Id.ToString(CultureInfo.InvariantCulture)}";

    private static bool TryParseCursor(string value, out PublishedCursor? cursor)
    {
        cursor = null;
        var parts = value.Split('_');
        if (parts.Length == 2
            && DateTimeOffset.TryParseExact(parts[0], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var postedAt)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            cursor = new PublishedCursor(postedAt, id);
            return true;
        }

        return false;
    }
}

using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Hosting;
using EditorialArchive.Web.Reading;
using EditorialArchive.Web.Seo;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Mvc;

namespace EditorialArchive.Web.Controllers;

public sealed class ArticlesController(
    ArticleRepository articles,
    ArchiveTime time,
    AbsoluteUrls absoluteUrls,
    PageSeoBuilder seo,
    ArticleExtrasLoader extras) : Controller
{
    [HttpGet("/{lang:" + Languages.RouteConstraint + "}/articles/{id:long}/{slug?}")]
    [ArticleHttpCaching]
    public async Task<IActionResult> Show(string lang, long id, string? slug, CancellationToken cancellationToken)
    {
        var article = await articles.GetPublishedByIdAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        // One address per piece: another slug (old, truncated, missing), edition, letter case or a trailing
        // slash sends readers to it in one hop.
        var url = ArticleUrls.Article(article.Language, article.Id, article.Slug);
        if (lang != article.Language || slug != article.Slug || Request.Path.Value != PathString.FromUriComponent(url).Value)
        {
            return RedirectPermanent(url + Request.QueryString);
        }

        var absoluteUrl = absoluteUrls.For(Request, url);
        var (pageExtras, linkedIds) = await extras.LoadAsync(article, absoluteUrl, cancellationToken);
        ArchivePageTags.IsArticle(HttpContext, article.Id);
        ArchivePageTags.LinksTo(HttpContext, article.Counterpart?.ArticleId is { } counterpartId ? [counterpartId, .. linkedIds] : linkedIds);
        return View(new ArticlePageViewModel
        {
            Language = article.Language,
            Title = article.Headline,
            Headline = article.Headline,
            SectionName = article.SectionName,
            Byline = article.Byline,
            Posted = Show(article.PostedAt, article.Language),
            Updated = Show(article.UpdatedAt, article.Language),
            Counterpart = ToLink(article.Counterpart),
            BodyHtml = article.BodyHtml,
            Url = url,
            AbsoluteUrl = absoluteUrl,
            Seo = seo.ForArticle(article, Request),
            Extras = pageExtras,
            Corrections = [.. article.Corrections.Select(c => new CorrectionNote(Show(c.NotedAt, article.Language), c.Note))],
        });
    }

    private ShownInstant Show(DateTimeOffset instant, string language) =>
        new(time.FormatDisplay(instant, language), time.FormatMachine(instant));

    private static CounterpartLink? ToLink(Counterpart? counterpart) => counterpart switch
    {
        null => null,
        { ArticleId: { } id, Slug: { } slug } => new CounterpartLink(
            ArticleUrls.Article(counterpart.Language, id, slug), counterpart.Language, Languages.Endonym(counterpart.Language), counterpart.Title),
        { ExternalUrl: { } url } => new CounterpartLink(url, counterpart.Language, Languages.Endonym(counterpart.Language), counterpart.Title),
        _ => null,
    };
}

using System.Globalization;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Hosting;
using EditorialArchive.Web.Localization;
using EditorialArchive.Web.Seo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Controllers;

/// <summary>RSS 2.0 and Atom feeds of each edition and of each section of it, newest first.</summary>
public sealed class FeedsController(
    SeoRepository seo,
    HttpCaching caching,
    AbsoluteUrls absoluteUrls,
    ArchiveTime time,
    IOptions<SeoOptions> seoOptions,
    IOptions<ArchiveOptions> archiveOptions,
    IStringLocalizer<SharedResource> text) : Controller
{
    private const string Lang = "/{lang:" + Languages.RouteConstraint + "}";

    [HttpGet(Lang + "/rss.xml")]
    public Task<IActionResult> EditionRss(string lang, CancellationToken cancellationToken) => FeedAsync(lang, null, atom: false, cancellationToken);

    [HttpGet(Lang + "/atom.xml")]
    public Task<IActionResult> EditionAtom(string lang, CancellationToken cancellationToken) => FeedAsync(lang, null, atom: true, cancellationToken);

    [HttpGet(Lang + "/sections/{section}/rss.xml")]
    public Task<IActionResult> SectionRss(string lang, string section, CancellationToken cancellationToken) => FeedAsync(lang, section, atom: false, cancellationToken);

    [HttpGet(Lang + "/sections/{section}/atom.xml")]
    public Task<IActionResult> SectionAtom(string lang, string section, CancellationToken cancellationToken) => FeedAsync(lang, section, atom: true, cancellationToken);

    private async Task<IActionResult> FeedAsync(string lang, string? sectionSlug, bool atom, CancellationToken cancellationToken)
    {
        var publication = archiveOptions.Value.PublicationName;
        var title = $"{publication} · {text["Opinion"]}";
        if (sectionSlug is not null)
        {
            var section = await seo.GetSectionAsync(sectionSlug, cancellationToken);
            if (section is null)
            {
                return NotFound();
            }

            title = $"{publication} · {section.In(lang)}";
        }

        var change = await seo.GetArchiveChangeAsync(cancellationToken);
        if (caching.ApplyAndCheck(HttpContext, change.Version.ToString(CultureInfo.InvariantCulture), change.ChangedAt))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var items = await seo.ListFeedItemsAsync(lang, sectionSlug, seoOptions.Value.FeedItemCount, cancellationToken);
        ArchivePageTags.ListsEdition(HttpContext, lang, items.Select(i => i.Id));
        var updated = items.Count == 0 ? change.ChangedAt : items.Max(i => i.UpdatedAt);
        var selfPath = atom ? SeoUrls.Atom(lang, sectionSlug) : SeoUrls.Rss(lang, sectionSlug);
        var channel = new FeedChannel(title, lang, Absolute(selfPath), Absolute(ArticleUrls.Home(lang)), title,
            updated, time.FormatMachine(updated), publication);
        var entries = items.Select(i => new FeedEntry(
            i.Headline,
            Absolute(ArticleUrls.Article(i.Language, i.Id, i.Slug)),
            i.Byline,
            i.SectionName,
            MetaDescription.FromBodyHtml(i.BodyHtml),
            i.PostedAt,
            time.FormatMachine(i.PostedAt),
            time.FormatMachine(i.UpdatedAt)));

        await using var xml = XmlResponse.Create(Response, atom ? FeedWriter.AtomMediaType : FeedWriter.RssMediaType);
        if (atom)
        {
            await FeedWriter.WriteAtomAsync(xml, channel, entries);
        }
        else
        {
            await FeedWriter.WriteRssAsync(xml, channel, entries);
        }

        return new EmptyResult();
    }

    private string Absolute(string path) => absoluteUrls.For(Request, path);
}

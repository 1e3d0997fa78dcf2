using System.Globalization;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Seo;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Controllers;

/// <summary>robots.txt, the sitemap index, the article sitemaps (fixed id ranges, streamed) and the Google News sitemap.</summary>
public sealed class SitemapsController(
    SeoRepository seo,
    HttpCaching caching,
    AbsoluteUrls absoluteUrls,
    ArchiveTime time,
    TimeProvider clock,
    IOptions<SeoOptions> seoOptions,
    IOptions<ArchiveOptions> archiveOptions) : Controller
{
    private SeoOptions Options => seoOptions.Value;

    [HttpGet(SeoUrls.Robots)]
    public async Task<IActionResult> Robots(CancellationToken cancellationToken)
    {
        var change = await seo.GetArchiveChangeAsync(cancellationToken);
        if (caching.ApplyAndCheck(HttpContext, "robots", change.ChangedAt))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var text = string.Join('\n',
            "User-agent: *",
            "Allow: /",
            "Disallow: /admin",
            "Disallow: /error/",
            "",
            $"Sitemap: {Absolute(SeoUrls.SitemapIndex)}",
            $"Sitemap: {Absolute(SeoUrls.NewsSitemap)}",
            "");
        return Content(text, "text/plain; charset=utf-8");
    }

    [HttpGet(SeoUrls.SitemapIndex)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var change = await seo.GetArchiveChangeAsync(cancellationToken);
        if (caching.ApplyAndCheck(HttpContext, Version(change), change.ChangedAt))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var chunks = await seo.ListSitemapChunksAsync(Options.SitemapChunkSize, cancellationToken);
        await using var xml = XmlResponse.Create(Response, "application/xml");
        await SitemapWriter.WriteIndexStartAsync(xml);
        await SitemapWriter.WriteIndexEntryAsync(xml, Absolute(SeoUrls.EditionsSitemap), null);
        foreach (var chunk in chunks)
        {
            await SitemapWriter.WriteIndexEntryAsync(xml, Absolute(SeoUrls.ArticleSitemap(chunk.Number)), time.FormatMachine(chunk.LastModified));
        }

        await SitemapWriter.WriteEndAsync(xml);
        return new EmptyResult();
    }

    [HttpGet(SeoUrls.EditionsSitemap)]
    public async Task<IActionResult> Editions(CancellationToken cancellationToken)
    {
        var change = await seo.GetArchiveChangeAsync(cancellationToken);
        if (caching.ApplyAndCheck(HttpContext, Version(change), change.ChangedAt))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var english = Absolute(ArticleUrls.Home(Languages.English));
        var korean = Absolute(ArticleUrls.Home(Languages.Korean));
        AlternateLink[] alternates =
        [
            new(Languages.English, english),
            new(Languages.Korean, korean),
            new("x-default", Absolute("/")),
        ];
        await using var xml = XmlResponse.Create(Response, "application/xml");
        await SitemapWriter.WriteUrlSetStartAsync(xml);
        await SitemapWriter.WriteUrlAsync(xml, english, time.FormatMachine(change.ChangedAt), alternates);
        await SitemapWriter.WriteUrlAsync(xml, korean, time.FormatMachine(change.ChangedAt), alternates);
        await SitemapWriter.WriteEndAsync(xml);
        return new EmptyResult();
    }

    /// <summary>
    /// Sitemap <paramref name="number"/> lists the published pieces with ids from (number - 1) × chunk size + 1 to
    /// number × chunk size: at most chunk size URLs, written row by row as the database returns them.
    /// </summary>
    [HttpGet("/sitemaps/articles-{number:long:min(1)}.xml")]
    public async Task<IActionResult> Articles(long number, CancellationToken cancellationToken)
    {
        var size = Options.SitemapChunkSize;
        if (number > long.MaxValue / size)
        {
            return NotFound();
        }

        // Validated by its own id range: an edit re-sends only the sitemap that lists the piece.
        var (firstId, lastId) = ((number - 1) * size + 1, number * size);
        var state = await seo.GetSitemapChunkStateAsync(firstId, lastId, cancellationToken);
        if (state.Changed is not { } changed)
        {
            return NotFound();
        }

        var validators = caching.Compute(HttpContext, state.Fingerprint, changed);
        if (HttpCaching.IsNotModified(Request, validators))
        {
            caching.Apply(Response, validators);
            return StatusCode(StatusCodes.Status304NotModified);
        }

        await using var entries = seo.ListSitemapEntriesAsync(firstId, lastId, cancellationToken).GetAsyncEnumerator(cancellationToken);
        if (!await entries.MoveNextAsync())
        {
            return NotFound(); // no published piece in this range: the index does not list it either
        }

        caching.Apply(Response, validators);
        await using var xml = XmlResponse.Create(Response, "application/xml");
        await SitemapWriter.WriteUrlSetStartAsync(xml);
        do
        {
            var entry = entries.Current;
            var url = Absolute(ArticleUrls.Article(entry.Language, entry.Id, entry.Slug));
            IReadOnlyList<AlternateLink> alternates = entry is { CounterpartId: { } id, CounterpartSlug: { } slug, CounterpartLanguage: { } language }
                ? PageSeoBuilder.HreflangPair(entry.Language, url, language, Absolute(ArticleUrls.Article(language, id, slug)))
                : [];
            await SitemapWriter.WriteUrlAsync(xml, url, time.FormatMachine(entry.ModifiedAt), alternates);
        }
        while (await entries.MoveNextAsync());

        await SitemapWriter.WriteEndAsync(xml);
        return new EmptyResult();
    }

    [HttpGet(SeoUrls.NewsSitemap)]
    public async Task<IActionResult> News(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddHours(-Options.NewsSitemapHours);
        // The list also changes as pieces age out of the window: the validator moves with the window's hour.
        var window = new DateTimeOffset(since.Year, since.Month, since.Day, since.Hour, 0, 0, TimeSpan.Zero);
        var change = await seo.GetArchiveChangeAsync(cancellationToken);
        var lastModified = change.ChangedAt > window ? change.ChangedAt : window;
        if (caching.ApplyAndCheck(HttpContext, Version(change) + "|" + UtcInstant.Format(window), lastModified))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var entries = await seo.ListNewsEntriesAsync(since, Options.NewsSitemapMaxItems, cancellationToken);
        await using var xml = XmlResponse.Create(Response, "application/xml");
        await SitemapWriter.WriteUrlSetStartAsync(xml, news: true);
        foreach (var entry in entries)
        {
            await SitemapWriter.WriteNewsUrlAsync(xml, Absolute(ArticleUrls.Article(entry.Language, entry.Id, entry.Slug)),
                archiveOptions.Value.PublicationName, entry.Language, time.FormatMachine(entry.PostedAt), entry.Headline);
        }

        await SitemapWriter.WriteEndAsync(xml);
        return new EmptyResult();
    }

    private string Absolute(string path) => absoluteUrls.For(Request, path);

    private static string Version(ArchiveChange change) => change.Version.ToString(CultureInfo.InvariantCulture);
}

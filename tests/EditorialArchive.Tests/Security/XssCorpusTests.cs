using System.Net;
using System.Xml.Linq;
using AngleSharp;
using AngleSharp.Dom;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;

namespace EditorialArchive.Tests.Security;

/// <summary>
/// Every entry of <c>xss-corpus.txt</c> through every stored field, typed into the desk's real forms (headline,
/// byline, body, slug, counterpart address and title, correction note, preview), then every page that shows them is
/// fetched and checked inert (<see cref="InertPage"/>; text fields appear as text; rendered Markdown holds only
/// elements Markdown makes); feeds and sitemaps are well-formed XML whose HTML-bearing text is inert too. All problems
/// are collected and reported together, so one run shows every hole.
/// </summary>
public sealed class XssCorpusTests(DeskAppFactory app) : IClassFixture<DeskAppFactory>
{
    private const int Batch = 12;

    /// <summary>What Markdig's HTML renderer writes for the features the pipeline enables.</summary>
    private static readonly HashSet<string> MarkdownElements =
    [
        "p", "a", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br",
        "img", "table", "thead", "tbody", "tr", "th", "td", "del", "ins", "sup", "sub", "mark", "div",
    ];

    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);

    private readonly List<string> problems = [];

    [Fact]
    public async Task The_corpus_through_every_stored_field_renders_inert_on_every_page_feed_and_sitemap()
    {
        Assert.True(XssCorpus.Entries.Count >= 80, $"the corpus has {XssCorpus.Entries.Count} entries");
        await Editors.CreateAsync(app, "xss-corpus@example.com");
        using var editor = await Editors.SignedInAsync(app, "xss-corpus@example.com");
        using var reader = app.CreateBrowserlessClient();

        for (var start = 0; start < XssCorpus.Entries.Count; start += Batch)
        {
            var batch = XssCorpus.Entries.Skip(start).Take(Batch).Select((entry, i) => (Entry: entry, N: start + i)).ToList();
            foreach (var (entry, n) in batch)
            {
                await ThroughEveryFieldAsync(editor, reader, entry, n);
            }

            // Lists, feeds and sitemaps show the newest pieces: this batch.
            var inputs = string.Join(" | ", batch.Select(b => HostileStrings.Show(b.Entry)));
            foreach (var url in new[] { "/en/", "/en/sections/editorial", "/en/archive/2026/3", "/en/archive/2026", "/admin", "/admin?q=xss" })
            {
                await CheckHtmlAsync(url.StartsWith("/admin", StringComparison.Ordinal) ? editor : reader, url, inputs);
            }

            foreach (var url in new[] { "/en/rss.xml", "/en/atom.xml", "/en/sections/editorial/rss.xml", "/en/sections/editorial/atom.xml", "/sitemap.xml", "/news-sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/editions.xml" })
            {
                await CheckXmlAsync(reader, url, inputs);
            }
        }

        await HostileResponses.AssertStillServingAsync(reader);
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n{string.Join("\n", problems.Take(40))}");
    }

    private async Task ThroughEveryFieldAsync(HttpClient editor, HttpClient reader, string entry, int n)
    {
        var token = $"xss{n}";
        var headline = $"{entry} {token}";
        var body = $"{entry}\n\n{token} body {entry}";
        using (var created = await BrowserForm.SubmitAsync(editor, "/admin/articles/new", DeskPages.ArticleForm,
            new Dictionary<string, string> { ["Headline"] = headline, ["Byline"] = entry, ["Body"] = body }))
        {
            if (created.StatusCode != HttpStatusCode.Redirect)
            {
                await CheckAnswerAsync(created, "POST /admin/articles/new", entry);
                problems.Add($"entry {n} \"{HostileStrings.Show(entry)}\": creating the piece answered {(int)created.StatusCode}");
                return;
            }

            var id = DeskPages.IdOf(created.Headers.Location!.OriginalString);
            var edit = $"/admin/articles/{id}/edit";

            // Fields that may be refused: the refusal page must be inert too.
            await SubmitAsync(editor, edit, entry, new() { ["Command"] = "preview", ["Body"] = body }, HttpStatusCode.OK, checkBody: true);
            await SubmitAsync(editor, edit, entry, new() { ["Slug"] = entry });
            await SubmitAsync(editor, edit, entry, new() { ["ExternalUrl"] = entry, ["ExternalTitle"] = entry });
            await SubmitAsync(editor, edit, entry, new() { ["ExternalUrl"] = "https://example.com/" + entry, ["ExternalTitle"] = entry });
            await DeskPages.StepOkAsync(editor, id, "publish");
            await SubmitAsync(editor, edit, entry, new() { ["CorrectionNote"] = entry, ["Body"] = body + " (corrected)" }, HttpStatusCode.Redirect);

            var stored = await DeskPages.StoredAsync(app, id);
            var articleUrl = ArticleUrls.Article(stored.Language, stored.Id, stored.Slug);
            var article = await CheckHtmlAsync(reader, articleUrl, entry, checkBody: true);
            if (article is not null)
            {
                ExpectText(article, "h1.piece-headline", DeskText.Clean(headline), articleUrl, entry);
                if (article.QuerySelector(".piece-byline a")?.GetAttribute("href") is { } bylineUrl)
                {
                    await CheckHtmlAsync(reader, bylineUrl, entry);
                }
            }

            await CheckHtmlAsync(editor, edit, entry);
            await CheckHtmlAsync(editor, $"/admin/articles/{id}/revisions", entry);
            await CheckHtmlAsync(reader, $"/en/search?q={token}", entry);
            await CheckHtmlAsync(reader, $"/en/search?q={Uri.EscapeDataString(entry)}", entry);
        }
    }

    private async Task SubmitAsync(HttpClient editor, string edit, string entry, Dictionary<string, string> typed, HttpStatusCode? expected = null, bool checkBody = false)
    {
        using var response = await BrowserForm.SubmitAsync(editor, edit, DeskPages.ArticleForm, typed);
        var request = $"POST {edit} with {string.Join(", ", typed.Keys)}";
        if (expected is { } status && response.StatusCode != status)
        {
            problems.Add($"{request} for \"{HostileStrings.Show(entry)}\" answered {(int)response.StatusCode}, not {(int)status}");
        }

        await CheckAnswerAsync(response, request, entry, checkBody);
    }

    /// <summary>The answer, or null (a problem noted) when the app broke off its answer.</summary>
    private async Task<HttpResponseMessage?> GetAsync(HttpClient client, string url, string entry)
    {
        try
        {
            var response = await client.GetAsync(url);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }
        catch (HttpRequestException e)
        {
            problems.Add($"GET {url} for \"{HostileStrings.Show(entry)}\" broke off: {e.InnerException?.InnerException?.Message ?? e.Message}");
            return null;
        }
    }

    private async Task<IDocument?> CheckHtmlAsync(HttpClient client, string url, string entry, bool checkBody = false)
    {
        using var response = await GetAsync(client, url, entry);
        if (response is null)
        {
            return null;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            problems.Add($"GET {url} for \"{HostileStrings.Show(entry)}\" answered {(int)response.StatusCode}");
        }

        return await CheckAnswerAsync(response, "GET " + url, entry, checkBody);
    }

    private async Task<IDocument?> CheckAnswerAsync(HttpResponseMessage response, string request, string entry, bool checkBody = false)
    {
        if ((int)response.StatusCode >= 500)
        {
            problems.Add($"{request} for \"{HostileStrings.Show(entry)}\" answered {(int)response.StatusCode}");
        }

        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return null;
        }

        var page = await Html.ParseAsync(response);
        problems.AddRange(InertPage.Problems(page).Select(p => $"{request} for \"{HostileStrings.Show(entry)}\": {p}"));
        if (checkBody)
        {
            foreach (var rendered in page.QuerySelectorAll(".piece-body"))
            {
                problems.AddRange(NotMarkdown(rendered).Select(p => $"{request} for \"{HostileStrings.Show(entry)}\": {p}"));
            }
        }

        return page;
    }

    private async Task CheckXmlAsync(HttpClient reader, string url, string inputs)
    {
        using var response = await GetAsync(reader, url, inputs);
        if (response is null)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            problems.Add($"GET {url} after \"{inputs}\" answered {(int)response.StatusCode}");
            return;
        }

        try
        {
            InertPage.AssertXml(text, url);
        }
        catch (Exception e) when (e is Xunit.Sdk.XunitException)
        {
            problems.Add($"{e.Message} (after \"{inputs}\")");
            return;
        }

        // Feed readers show RSS descriptions and Atom html/xhtml text as HTML: that HTML must be inert too.
        var document = XDocument.Parse(text);
        foreach (var element in document.Descendants())
        {
            var isHtml = element.Name.LocalName == "description"
                || (element.Name.LocalName is "summary" or "content" or "title" && (string?)element.Attribute("type") is "html" or "xhtml");
            if (isHtml && !element.HasElements)
            {
                var fragment = await Parser.OpenAsync(r => r.Content($"<!DOCTYPE html><body>{element.Value}</body>"));
                var found = InertPage.Problems(fragment).Concat(NotText(fragment));
                problems.AddRange(found.Select(p => $"{url} <{element.Name.LocalName}> after \"{inputs}\": {p}"));
            }
        }
    }

    /// <summary>Elements of the rendered body that Markdown does not make, and addresses it must not keep.</summary>
    private static IEnumerable<string> NotMarkdown(IElement rendered)
    {
        foreach (var element in rendered.QuerySelectorAll("*"))
        {
            if (!MarkdownElements.Contains(element.LocalName))
            {
                yield return $"an element Markdown does not make: {HostileStrings.Show(element.OuterHtml[..Math.Min(200, element.OuterHtml.Length)])}";
            }

            foreach (var address in new[] { element.GetAttribute("href"), element.GetAttribute("src") })
            {
                if (address is not null && !MarkdownRenderer.IsSafeUrl(address))
                {
                    yield return $"an unsafe address: {HostileStrings.Show(element.OuterHtml)}";
                }
            }
        }
    }

    /// <summary>A feed's plain-text summary read as HTML by a feed reader must stay text: no element at all.</summary>
    private static IEnumerable<string> NotText(IDocument fragment) =>
        fragment.Body!.QuerySelectorAll("*").Select(e => $"markup in a plain-text summary: {HostileStrings.Show(e.OuterHtml[..Math.Min(200, e.OuterHtml.Length)])}");

    private void ExpectText(IDocument page, string selector, string expected, string url, string entry)
    {
        var shown = page.QuerySelector(selector)?.Text();
        var folded = string.Join(' ', expected.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (shown != folded)
        {
            problems.Add($"{url} {selector} for \"{HostileStrings.Show(entry)}\" shows \"{HostileStrings.Show(shown ?? "(nothing)")}\", not the text typed");
        }
    }
}

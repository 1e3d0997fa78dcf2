using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using AngleSharp;
using AngleSharp.Dom;
using CsCheck;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Seo;
using EditorialArchive.Web.ViewModels;

namespace EditorialArchive.Tests.Security;

/// <summary>
/// The desk form over hostile input. <see cref="Inputs"/> generated forms go through the code the form's answer is
/// made of (the form model's validation attributes, <see cref="DeskText"/>, the Markdown renderer and its nesting
/// measure, the feed summary and the feed writer): nothing throws, stored text is clean and rendered HTML inert.
/// <see cref="Posts"/> more are posted through the real app (antiforgery and all): never a 5xx, a saved piece holds
/// clean text, every answer and every page of a saved piece is inert, and the host still serves afterwards.
/// </summary>
public sealed class HostileDeskFormProperties(DeskAppFactory app) : IClassFixture<DeskAppFactory>
{
    private const int Inputs = 10_000;
    private const int Posts = 1_000;

    private static readonly IBrowsingContext Parser = BrowsingContext.New(Configuration.Default);
    private static readonly MarkdownRenderer Markdown = new();

    private static readonly Gen<string> Corpus = Gen.OneOf(XssCorpus.Entries.Select(Gen.Const).ToArray());

    /// <summary>Hostile text, XSS corpus entries and mixes of both.</summary>
    private static readonly Gen<string> Field = Gen.Frequency(
        (4, HostileStrings.ShortText),
        (3, Corpus),
        (2, Gen.Select(Corpus, HostileStrings.ShortText, Corpus, (a, b, c) => a + b + c)),
        (1, HostileStrings.Text));

    /// <summary>Bodies: the fields above, and Markdown built from nesting markers and corpus entries.</summary>
    private static readonly Gen<string> Body = Gen.Frequency(
        (5, Field),
        (2, Gen.Select(Gen.OneOf("> ", "- ", "* ", "1. ", "  ", "**", "_", "[", "\n"), Gen.Int[1, 300], Corpus, (marker, n, entry) => string.Concat(Enumerable.Repeat(marker, n)) + entry)),
        (1, Field.Array[1, 6].Select(parts => string.Join("\n\n", parts))));

    private static readonly Gen<string> Address = Gen.Frequency(
        (3, Gen.Const("")),
        (2, Field.Select(f => "https://example.com/" + f)),
        (2, Field));

    private static readonly Gen<string> Optional = Gen.Frequency((6, Gen.Const("")), (1, Field));

    private static readonly Gen<(string Headline, string Slug, string Byline, string Body)> Texts =
        Gen.Select(Field, Optional, Field, Body, (headline, slug, byline, body) => (headline, slug, byline, body));

    /// <summary>Mostly choices a browser sends (so that many forms are saved), sometimes anything.</summary>
    private static readonly Gen<(string Url, string Title, string Language, string Section)> Choices =
        Gen.Select(
            Gen.Frequency((4, Gen.Const(("", ""))), (2, Gen.Select(Field, Field, (url, title) => ("https://example.com/" + url, title))), (1, Gen.Select(Address, Optional, (url, title) => (url, title)))),
            Gen.Frequency((8, Gen.OneOf("en", "ko")), (1, Field)),
            Gen.Frequency((8, Gen.OneOf("editorial", "column")), (1, Field)),
            (link, language, section) => (link.Item1, link.Item2, language, section));

    private static readonly Gen<(string Counterpart, string Command)> Extras =
        Gen.Select(Gen.Frequency((8, Gen.Const("")), (1, Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))), (1, Field)),
            Gen.Frequency((6, Gen.Const("")), (2, Gen.Const("preview")), (1, Field)), (counterpart, command) => (counterpart, command));

    private static readonly Gen<Dictionary<string, string>> Form = Gen.Select(Texts, Choices, Extras, (text, choice, extra) => new Dictionary<string, string>
    {
        ["Headline"] = text.Headline,
        ["Slug"] = text.Slug,
        ["Byline"] = text.Byline,
        ["Body"] = text.Body,
        ["ExternalUrl"] = choice.Url,
        ["ExternalTitle"] = choice.Title,
        ["Language"] = choice.Language,
        ["SectionSlug"] = choice.Section,
        ["CounterpartId"] = extra.Counterpart,
        ["Command"] = extra.Command,
    });

    [Fact]
    public void Form_text_is_cleaned_validated_rendered_and_fed_without_throwing_and_stays_inert()
    {
        var channel = new FeedChannel("Archive", "en", "https://example.com/en/rss.xml", "https://example.com/en/", "Pieces", DateTimeOffset.UnixEpoch, "1970-01-01T00:00:00Z", "Archive");
        Check.Sample(Form, form =>
        {
            var input = new ArticleFormInput
            {
                Headline = form["Headline"],
                Slug = form["Slug"],
                Byline = form["Byline"],
                Body = form["Body"],
                ExternalUrl = form["ExternalUrl"],
                ExternalTitle = form["ExternalTitle"],
                CorrectionNote = form["Byline"],
            };
            Validator.TryValidateObject(input, new ValidationContext(input), [], validateAllProperties: true);
            _ = SlugGenerator.IsValid(form["Slug"]);

            var headline = DeskText.Clean(form["Headline"]).Trim();
            var body = DeskText.Clean(form["Body"].ReplaceLineEndings("\n"));
            foreach (var text in new[] { headline, body, DeskText.Clean(form["Byline"]), DeskText.Clean(form["ExternalTitle"]) })
            {
                AssertClean(text);
            }

            Assert.Equal(body, DeskText.Clean(body));
            _ = Markdown.NestingDepth(body);
            var html = Markdown.RenderHtml(body);
            var problems = RenderedProblems(html);
            Assert.True(problems.Count == 0, $"rendered body of \"{HostileStrings.Show(body)}\" is not inert:\n{string.Join('\n', problems.Take(5))}");

            var summary = MetaDescription.FromBodyHtml(html);
            Assert.True(summary is null || summary.Length <= MetaDescription.MaxLength);
            var feed = new StringBuilder();
            using (var xml = XmlWriter.Create(feed, new XmlWriterSettings { Async = true }))
            {
                var entry = new FeedEntry(headline, "https://example.com/en/articles/1/x", DeskText.CleanOrNull(form["Byline"]), "editorial", summary, DateTimeOffset.UnixEpoch, "1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z");
                FeedWriter.WriteRssAsync(xml, channel, [entry]).GetAwaiter().GetResult();
            }

            _ = XDocument.Parse(feed.ToString());
        }, iter: Inputs, print: form => string.Join(", ", form.Select(kv => $"{kv.Key}=\"{HostileStrings.Show(kv.Value)}\"")));
    }

    [Fact]
    public async Task Posted_forms_never_fail_store_clean_text_and_answer_inert_pages()
    {
        await Editors.CreateAsync(app, "hostile-form@example.com");
        using var editor = await Editors.SignedInAsync(app, "hostile-form@example.com");
        var formPage = await Html.GetAsync(editor, "/admin/articles/new");
        var token = formPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var saved = 0;

        // One editor, one request at a time, as one browser tab would send them.
        await Check.SampleAsync(Form, async form =>
        {
            var request = string.Join(", ", form.Select(kv => $"{kv.Key}=\"{HostileStrings.Show(kv.Value)}\""));
            var body = FormBody(form, token);
            using var response = await editor.PostAsync("/admin/articles/new", new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));
            await HostileResponses.AssertHarmlessAsync(response, "POST /admin/articles/new", request);
            Assert.True(
                response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.UnprocessableEntity or HttpStatusCode.OK,
                $"{request} answered {(int)response.StatusCode}");
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                return;
            }

            var location = response.Headers.Location!.OriginalString;
            if (location.EndsWith("?refused=form-unreadable", StringComparison.Ordinal))
            {
                // A %00 in a value: the form reader refuses it, the editor gets the form page with a message.
                Assert.Contains("%00", body, StringComparison.Ordinal);
                using var refusal = await editor.GetAsync(location);
                await HostileResponses.AssertHarmlessAsync(refusal, location, request);
                return;
            }

            Assert.True(location.StartsWith("/admin/articles/", StringComparison.Ordinal) && location.Contains("/edit?", StringComparison.Ordinal), $"{request} was sent to {location}");
            var id = DeskPages.IdOf(location);
            var stored = await DeskPages.StoredAsync(app, id);
            foreach (var text in new[] { stored.Headline, stored.Byline ?? "", stored.BodyMarkdown, stored.ExternalTitle ?? "" })
            {
                AssertClean(text);
            }

            Assert.True(stored.ExternalUrl is null || stored.ExternalUrl.StartsWith("http", StringComparison.Ordinal), $"stored address {HostileStrings.Show(stored.ExternalUrl ?? "")}");
            if (Interlocked.Increment(ref saved) % 5 == 0)
            {
                await DeskPages.StepOkAsync(editor, id, "publish");

                // An update of the published piece with more of the input, a correction note among it.
                using var update = await DeskPages.EditAsync(editor, id, new Dictionary<string, string>
                {
                    ["Byline"] = WellFormedText.Of(form["ExternalTitle"]),
                    ["Body"] = WellFormedText.Of(form["Headline"] + "\n\n" + form["Body"]),
                    ["CorrectionNote"] = WellFormedText.Of(form["Byline"]),
                });
                await HostileResponses.AssertHarmlessAsync(update, $"update of {id}", request);
                Assert.True(update.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.UnprocessableEntity, $"update of {id} answered {(int)update.StatusCode}");

                stored = await DeskPages.StoredAsync(app, id);
                using var article = await editor.GetAsync(ArticleUrls.Article(stored.Language, id, stored.Slug));
                Assert.Equal(HttpStatusCode.OK, article.StatusCode);
                await HostileResponses.AssertHarmlessAsync(article, $"article {id}", request);
            }

            using var edit = await editor.GetAsync($"/admin/articles/{id}/edit");
            await HostileResponses.AssertHarmlessAsync(edit, $"edit page {id}", request);
        }, iter: Posts, threads: 1, print: form => string.Join(", ", form.Select(kv => $"{kv.Key}=\"{HostileStrings.Show(kv.Value)}\"")));

        Assert.True(saved > Posts / 10, $"only {saved} of {Posts} generated forms were saved: the generator is too hostile to test saving");
        await HostileResponses.AssertStillServingAsync(editor);
        using var feed = await editor.GetAsync("/en/rss.xml");
        InertPage.AssertXml(await feed.Content.ReadAsStringAsync(), "/en/rss.xml");
    }

    /// <summary>Posts the form as a browser does: UTF-8, percent-encoded (an unpaired surrogate becomes U+FFFD).</summary>
    private static string FormBody(Dictionary<string, string> form, string token) =>
        string.Join('&', form.Append(new("__RequestVerificationToken", token))
            .Select(kv => $"{HostileStrings.EscapeLossy(kv.Key)}={HostileStrings.EscapeLossy(kv.Value)}"));

    /// <summary>Stored text: no control character but new line and tab, no unpaired surrogate or noncharacter, NFC.</summary>
    private static void AssertClean(string text)
    {
        Assert.True(text.IsNormalized(NormalizationForm.FormC), $"not NFC: \"{HostileStrings.Show(text)}\"");
        Assert.DoesNotContain(text, ch => char.IsControl(ch) && ch is not '\n' and not '\t');
        Assert.Equal(text, WellFormedText.Of(text));
    }

    private static List<string> RenderedProblems(string html)
    {
        var document = Parser.OpenAsync(r => r.Content($"<!DOCTYPE html><body><div class=\"piece-body\">{html}</div></body>")).GetAwaiter().GetResult();
        var problems = InertPage.Problems(document);
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            if (element.LocalName is "script" or "style" or "iframe" or "object" or "embed" or "svg" or "math" or "form" or "input" or "button" or "textarea" or "select" or "meta" or "link" or "base" or HostileStrings.Marker)
            {
                problems.Add($"element {element.LocalName} in rendered Markdown");
            }

            foreach (var name in new[] { "href", "src" })
            {
                if (element.GetAttribute(name) is { } address && !MarkdownRenderer.IsSafeUrl(address))
                {
                    problems.Add($"unsafe {name}: {HostileStrings.Show(address)}");
                }
            }
        }

        return problems;
    }
}

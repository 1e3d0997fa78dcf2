using System.Net;
using AngleSharp.Dom;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Admin;

public sealed class DeskConcurrencyTests(DeskAppFactory app) : IClassFixture<DeskAppFactory>
{
    [Fact]
    public async Task The_second_of_two_editors_gets_a_conflict_page_with_both_texts_and_can_resubmit_against_the_new_version()
    {
        await Editors.CreateAsync(app, "first@example.com");
        await Editors.CreateAsync(app, "second@example.com");
        var first = await Editors.SignedInAsync(app, "first@example.com");
        var second = await Editors.SignedInAsync(app, "second@example.com");
        var id = await DeskPages.CreateAsync(first, "Shared piece", body: "Original text.");
        var firstPage = await Html.GetAsync(first, $"/admin/articles/{id}/edit");
        var secondPage = await Html.GetAsync(second, $"/admin/articles/{id}/edit");

        using var saved = await BrowserForm.SubmitAsync(first, firstPage, DeskPages.ArticleForm, new Dictionary<string, string> { ["Body"] = "First editor's text." });
        using var refused = await BrowserForm.SubmitAsync(second, secondPage, DeskPages.ArticleForm, new Dictionary<string, string> { ["Body"] = "Second editor's text.", ["Byline"] = "Second" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var conflict = await Html.ParseAsync(refused);
        Assert.Equal("First editor's text.", conflict.Single(".conflict-theirs .conflict-body").TextContent);
        Assert.Equal("Second editor's text.", conflict.Single(".conflict-yours .conflict-body").TextContent);
        Assert.Equal("Second editor's text.", conflict.Single("#Body").TextContent);
        Assert.Equal("Second", conflict.Single("#Byline").GetAttribute("value"));
        Assert.Equal("2", conflict.Single("form.article-form input[name='Version']").GetAttribute("value"));
        Assert.Equal("First editor's text.", (await DeskPages.StoredAsync(app, id)).BodyMarkdown);

        // The editor merges and saves again, now against version 2.
        using var merged = await BrowserForm.SubmitAsync(second, conflict, DeskPages.ArticleForm, new Dictionary<string, string> { ["Body"] = "First editor's text. Second editor's text." });

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var stored = await DeskPages.StoredAsync(app, id);
        Assert.Equal(("First editor's text. Second editor's text.", "Second", 3L), (stored.BodyMarkdown, stored.Byline, stored.Version));
    }

    [Fact]
    public async Task Of_eight_simultaneous_saves_of_one_version_exactly_one_wins_and_the_others_keep_their_text()
    {
        await Editors.CreateAsync(app, "racer@example.com");
        var editor = await Editors.SignedInAsync(app, "racer@example.com");
        var id = await DeskPages.CreateAsync(editor, "Race", body: "Start.");

        var page = await Html.GetAsync(editor, $"/admin/articles/{id}/edit");
        var losers = await RaceAsync(editor, Enumerable.Repeat(page, 8).ToList(), "round one", expectedVersion: 2, id);

        // Every loser resubmits from its conflict page at once: again exactly one wins, now over version 2.
        await RaceAsync(editor, losers, "round two", expectedVersion: 3, id);
    }

    /// <summary>Submits every page's form at the same moment with its own text; returns the conflict pages.</summary>
    private async Task<List<IDocument>> RaceAsync(HttpClient editor, List<IDocument> pages, string round, long expectedVersion, long id)
    {
        var bodies = pages.Select((_, i) => $"Text of {round}, editor {i}.").ToList();
        var responses = await Task.WhenAll(pages.Select((page, i) =>
            BrowserForm.SubmitAsync(editor, page, DeskPages.ArticleForm, new Dictionary<string, string> { ["Body"] = bodies[i] })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(pages.Count - 1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var winner = bodies[Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.Redirect)];
        var stored = await DeskPages.StoredAsync(app, id);
        Assert.Equal((winner, expectedVersion), (stored.BodyMarkdown, stored.Version));

        var losers = new List<IDocument>();
        for (var i = 0; i < responses.Length; i++)
        {
            if (responses[i].StatusCode == HttpStatusCode.Conflict)
            {
                var conflict = await Html.ParseAsync(responses[i]);
                Assert.Equal(bodies[i], conflict.Single("#Body").TextContent);
                Assert.Equal(winner, conflict.Single(".conflict-theirs .conflict-body").TextContent);
                losers.Add(conflict);
            }

            responses[i].Dispose();
        }

        return losers;
    }
}

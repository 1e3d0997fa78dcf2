using System.Net;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Durability;

/// <summary>A save the storage refuses answers 503 with the editor's text kept; reading goes on; saving resumes.</summary>
public sealed class StorageFailureTests(StorageFaultAppFactory app) : IClassFixture<StorageFaultAppFactory>
{
    [Fact]
    public async Task A_save_onto_a_full_disk_answers_503_with_the_text_kept_and_goes_through_once_space_returns()
    {
        var (editor, id, publicUrl) = await PublishedPieceAsync("full@example.com", "Disk full");
        var page = await Html.GetAsync(editor, $"/admin/articles/{id}/edit");
        // Far more than the pages left: the revision and the new body need new pages.
        var text = string.Join("\n\n", Enumerable.Range(0, 400).Select(i => $"Paragraph {i} of the long correction that does not fit."));

        app.MaxPageCount = app.PageCount();
        HttpResponseMessage refused;
        try
        {
            refused = await BrowserForm.SubmitAsync(editor, page, DeskPages.ArticleForm, new Dictionary<string, string> { ["Body"] = text });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("60", refused.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using (var reading = await app.CreateBrowserlessClient().GetAsync(publicUrl))
            {
                Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
            }
        }
        finally
        {
            app.MaxPageCount = null;
        }

        var kept = await Html.ParseAsync(refused);
        Assert.Contains("disk is full", kept.Single(".notice-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(text, kept.Single("#Body").TextContent.ReplaceLineEndings("\n"));
        Assert.Equal("Original text.", (await DeskPages.StoredAsync(app, id)).BodyMarkdown);
        Assert.Empty(await new ArchiveIntegrityRepository(app.Services.GetRequiredService<SqliteConnectionFactory>()).CheckAsync(CancellationToken.None));

        // Space is back: the same form, pressed again, saves.
        using var saved = await BrowserForm.SubmitAsync(editor, kept, DeskPages.ArticleForm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(text, (await DeskPages.StoredAsync(app, id)).BodyMarkdown);
        refused.Dispose();
    }

    [Fact]
    public async Task A_save_and_a_workflow_step_on_a_read_only_database_answer_503_and_lose_nothing()
    {
        var (editor, id, publicUrl) = await PublishedPieceAsync("readonly@example.com", "Read only");
        var page = await Html.GetAsync(editor, $"/admin/articles/{id}/edit");

        app.ReadOnly = true;
        HttpResponseMessage refused;
        try
        {
            refused = await BrowserForm.SubmitAsync(editor, page, DeskPages.ArticleForm, new Dictionary<string, string> { ["Body"] = "Typed while read-only.", ["Byline"] = "Kept" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            using (var step = await BrowserForm.SubmitAsync(editor, page, "form.workflow-unpublish", new Dictionary<string, string>()))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, step.StatusCode);
            }

            using (var created = await BrowserForm.SubmitAsync(editor, "/admin/articles/new", DeskPages.ArticleForm, new Dictionary<string, string> { ["Headline"] = "New while read-only", ["Body"] = "New body." }))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, created.StatusCode);
                var form = await Html.ParseAsync(created);
                Assert.Equal("New while read-only", form.Single("#Headline").GetAttribute("value"));
                Assert.Equal("New body.", form.Single("#Body").TextContent);
            }

            // Outside the desk form too (sign-in writes the session and the audit): a 503 that says why, not a 500.
            using (var signIn = await Editors.PostSignInAsync(app.CreateBrowserlessClient(), "readonly@example.com", Editors.Password))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
                Assert.Contains("cannot store anything just now", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using var reading = await app.CreateBrowserlessClient().GetAsync(publicUrl);
            Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
        }
        finally
        {
            app.ReadOnly = false;
        }

        var kept = await Html.ParseAsync(refused);
        Assert.Contains("read-only", kept.Single(".notice-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("Typed while read-only.", kept.Single("#Body").TextContent);
        Assert.Equal("Kept", kept.Single("#Byline").GetAttribute("value"));
        var stored = await DeskPages.StoredAsync(app, id);
        Assert.Equal(("Original text.", "published"), (stored.BodyMarkdown, stored.Status));
        Assert.Empty(await new ArchiveIntegrityRepository(app.Services.GetRequiredService<SqliteConnectionFactory>()).CheckAsync(CancellationToken.None));

        using var saved = await BrowserForm.SubmitAsync(editor, kept, DeskPages.ArticleForm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Typed while read-only.", (await DeskPages.StoredAsync(app, id)).BodyMarkdown);
        refused.Dispose();
    }

    private async Task<(HttpClient Editor, long Id, string PublicUrl)> PublishedPieceAsync(string email, string headline)
    {
        await Editors.CreateAsync(app, email);
        var editor = await Editors.SignedInAsync(app, email);
        var id = await DeskPages.CreateAsync(editor, headline, body: "Original text.");
        await DeskPages.StepOkAsync(editor, id, "publish");
        var stored = await DeskPages.StoredAsync(app, id);
        return (editor, id, $"/en/articles/{id}/{stored.Slug}");
    }
}

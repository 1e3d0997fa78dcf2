using System.Net;
using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Admin;

public sealed class DeskWorkflowTests(DeskAppFactory app) : IClassFixture<DeskAppFactory>
{
    /// <summary>Now on the shared fake clock (tests of a class run one after another and move it).</summary>
    private DateTimeOffset Now => UtcInstant.Truncate(app.Clock.GetUtcNow());

    private async Task<HttpClient> EditorAsync(string email, string role = EditorRoles.Editor)
    {
        await Editors.CreateAsync(app, email, role);
        return await Editors.SignedInAsync(app, email);
    }

    private async Task<List<(string Action, string? Email, long? TargetId)>> AuditAsync(long id)
    {
        await using var connection = await app.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string, string?, long?)>(
            "SELECT action, actor_email, target_id FROM audit_log WHERE target_type = 'article' AND target_id = @Id ORDER BY id", new { Id = id });
        return rows.AsList();
    }

    [Fact]
    public async Task A_draft_is_created_published_unpublished_trashed_and_restored_with_an_audit_entry_each()
    {
        var editor = await EditorAsync("workflow@example.com");
        var start = Now;
        var reader = app.CreateBrowserlessClient();

        var id = await DeskPages.CreateAsync(editor, "Rivers and the city");
        var draft = await DeskPages.StoredAsync(app, id);
        Assert.Equal((ArticleStatus.Draft, "rivers-and-the-city", 1L), (draft.Status, draft.Slug, draft.Version));
        using (var hidden = await reader.GetAsync($"/en/articles/{id}/rivers-and-the-city"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        await DeskPages.StepOkAsync(editor, id, "publish");
        var published = await DeskPages.StoredAsync(app, id);
        Assert.Equal(ArticleStatus.Published, published.Status);
        Assert.Equal(start, published.PostedAt);
        Assert.Equal(start, published.UpdatedAt);
        var page = await Html.GetAsync(reader, $"/en/articles/{id}/rivers-and-the-city");
        Assert.Equal("Rivers and the city", page.Single(".piece-headline").Text());

        await DeskPages.StepOkAsync(editor, id, "unpublish");
        using (var gone = await reader.GetAsync($"/en/articles/{id}/rivers-and-the-city"))
        {
            // Withdrawn after publication: crawlers are told it is gone for good.
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        }

        await DeskPages.StepOkAsync(editor, id, "trash");
        Assert.Equal(ArticleStatus.Trashed, (await DeskPages.StoredAsync(app, id)).Status);
        await DeskPages.StepOkAsync(editor, id, "restore");
        var restored = await DeskPages.StoredAsync(app, id);
        Assert.Equal(ArticleStatus.Draft, restored.Status);
        Assert.Equal(start, restored.PostedAt);

        Assert.Equal(
            [AuditActions.ArticleCreated, AuditActions.ArticlePublished, AuditActions.ArticleUnpublished, AuditActions.ArticleTrashed, AuditActions.ArticleRestored],
            (await AuditAsync(id)).Select(a => a.Action).ToList());
        Assert.All(await AuditAsync(id), a => Assert.Equal("workflow@example.com", a.Email));
    }

    [Fact]
    public async Task Trashing_a_published_piece_takes_it_down()
    {
        var editor = await EditorAsync("trash@example.com");
        var id = await DeskPages.CreateAsync(editor, "Down it goes");
        await DeskPages.StepOkAsync(editor, id, "publish");

        await DeskPages.StepOkAsync(editor, id, "trash");

        using var response = await app.CreateBrowserlessClient().GetAsync($"/en/articles/{id}/down-it-goes");
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Null(await app.Services.GetRequiredService<ArticleRepository>().GetPublishedByIdAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Only_an_admin_may_purge_and_only_from_the_trash()
    {
        var editor = await EditorAsync("purge-editor@example.com");
        var admin = await EditorAsync("purge-admin@example.com", EditorRoles.Admin);
        var id = await DeskPages.CreateAsync(editor, "Short-lived");
        await DeskPages.StepOkAsync(editor, id, "trash");

        var editorPage = await Html.GetAsync(editor, $"/admin/articles/{id}/edit");
        Assert.Null(editorPage.QuerySelector("form.workflow-purge"));
        // The editor posts the purge form anyway (with a valid token of their own): refused by policy, and the piece stays.
        var editorToken = editorPage.QuerySelector("form.workflow-restore input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using (var forged = await editor.PostAsync($"/admin/articles/{id}/purge", new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "2", ["__RequestVerificationToken"] = editorToken })))
        {
            Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
            Assert.StartsWith("http://localhost/admin/denied", forged.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(ArticleStatus.Trashed, (await DeskPages.StoredAsync(app, id)).Status);

        await DeskPages.StepOkAsync(admin, id, "purge");

        Assert.Null(await app.Services.GetRequiredService<ArticleDeskRepository>().GetForEditAsync(id, CancellationToken.None));
        var audit = await AuditAsync(id);
        Assert.Equal((AuditActions.ArticlePurged, "purge-admin@example.com"), (audit[^1].Action, audit[^1].Email));
    }

    [Fact]
    public async Task Purging_a_piece_that_is_not_in_the_trash_is_refused()
    {
        var admin = await EditorAsync("purge-live@example.com", EditorRoles.Admin);
        var id = await DeskPages.CreateAsync(admin, "Still needed");
        await DeskPages.StepOkAsync(admin, id, "trash");
        var page = await Html.GetAsync(admin, $"/admin/articles/{id}/edit");
        await DeskPages.StepOkAsync(admin, id, "restore");

        // The purge button of the page loaded while the piece was in the trash.
        using var response = await BrowserForm.SubmitAsync(admin, page, "form.workflow-purge", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ArticleStatus.Draft, (await DeskPages.StoredAsync(app, id)).Status);
    }

    [Fact]
    public async Task A_backfilled_piece_keeps_the_posting_time_the_editor_gives_in_the_newsroom_zone()
    {
        var editor = await EditorAsync("backfill@example.com");
        var id = await DeskPages.CreateAsync(editor, "From the 2019 archive");

        await DeskPages.StepOkAsync(editor, id, "publish", new Dictionary<string, string> { ["PostedAt"] = "2019-05-01T09:30" });

        var stored = await DeskPages.StoredAsync(app, id);
        Assert.Equal(new DateTimeOffset(2019, 5, 1, 0, 30, 0, TimeSpan.Zero), stored.PostedAt);
        Assert.Equal(stored.PostedAt, stored.UpdatedAt);
        var page = await Html.GetAsync(app.CreateBrowserlessClient(), $"/en/articles/{id}/from-the-2019-archive");
        Assert.Equal("May. 01, 2019 09:30", page.Single(".piece-posted time").Text());
    }

    [Fact]
    public async Task A_posting_time_in_the_future_or_unreadable_is_refused_with_a_reason()
    {
        var editor = await EditorAsync("future@example.com");
        var id = await DeskPages.CreateAsync(editor, "Not yet");

        using var future = await DeskPages.StepAsync(editor, id, "publish", new Dictionary<string, string> { ["PostedAt"] = "2030-01-01T09:00" });
        using var garbage = await DeskPages.StepAsync(editor, id, "publish", new Dictionary<string, string> { ["PostedAt"] = "yesterday" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Equal("A posting time cannot be in the future: schedule the piece instead.", (await Html.ParseAsync(future)).Single(".notice-error").Text());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, garbage.StatusCode);
        Assert.Equal("yesterday", (await Html.ParseAsync(garbage)).Single("#PostedAt").GetAttribute("value"));
        Assert.Equal(ArticleStatus.Draft, (await DeskPages.StoredAsync(app, id)).Status);
    }

    [Fact]
    public async Task Saving_a_published_piece_updates_the_live_page_at_once_and_updated_at_moves_only_for_what_readers_see()
    {
        var editor = await EditorAsync("updates@example.com");
        var start = Now;
        var id = await DeskPages.CreateAsync(editor, "Tides of trade", body: "Ports are busy.");
        await DeskPages.StepOkAsync(editor, id, "publish");
        var reader = app.CreateBrowserlessClient();

        // A slug change is an address change, not content: updated_at stays.
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        using (var slugOnly = await DeskPages.EditAsync(editor, id, new Dictionary<string, string> { ["Slug"] = "tides-of-trade-2026" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, slugOnly.StatusCode);
        }

        Assert.Equal(start, (await DeskPages.StoredAsync(app, id)).UpdatedAt);

        // A body change is what readers see: updated_at moves, and the page shows it at once.
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        using (var body = await DeskPages.EditAsync(editor, id, new Dictionary<string, string> { ["Body"] = "Ports are **quieter**." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, body.StatusCode);
        }

        var stored = await DeskPages.StoredAsync(app, id);
        Assert.Equal(start.AddMinutes(20), stored.UpdatedAt);
        Assert.Equal(start, stored.PostedAt);
        var page = await Html.GetAsync(reader, $"/en/articles/{id}/tides-of-trade-2026");
        Assert.Equal("quieter", page.Single(".piece-body strong").Text());

        // Saving again with nothing changed leaves updated_at alone.
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        using (var same = await DeskPages.EditAsync(editor, id, new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, same.StatusCode);
        }

        Assert.Equal(start.AddMinutes(20), (await DeskPages.StoredAsync(app, id)).UpdatedAt);

        // Byline and section are reader-visible too.
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        using (var byline = await DeskPages.EditAsync(editor, id, new Dictionary<string, string> { ["Byline"] = "Kim Min-ji", ["SectionSlug"] = "column" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, byline.StatusCode);
        }

        Assert.Equal(start.AddMinutes(40), (await DeskPages.StoredAsync(app, id)).UpdatedAt);
    }

    [Fact]
    public async Task A_browser_resending_an_unchanged_body_with_crlf_line_ends_is_not_an_update()
    {
        var editor = await EditorAsync("crlf@example.com");
        var id = await DeskPages.CreateAsync(editor, "Two paragraphs", body: "First.\n\nSecond.");
        await DeskPages.StepOkAsync(editor, id, "publish");
        var publishedAt = (await DeskPages.StoredAsync(app, id)).UpdatedAt;
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        using var response = await DeskPages.EditAsync(editor, id, new Dictionary<string, string> { ["Body"] = "First.\r\n\r\nSecond." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await DeskPages.StoredAsync(app, id);
        Assert.Equal(("First.\n\nSecond.", publishedAt), (stored.BodyMarkdown, stored.UpdatedAt));
    }

    [Fact]
    public async Task Editing_a_draft_never_sets_updated_at()
    {
        var editor = await EditorAsync("draft-edit@example.com");
        var id = await DeskPages.CreateAsync(editor, "Quiet draft");

        using var response = await DeskPages.EditAsync(editor, id, new Dictionary<string, string> { ["Body"] = "Rewritten." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await DeskPages.StoredAsync(app, id);
        Assert.Equal(("Rewritten.", null, 2L), (stored.BodyMarkdown, stored.UpdatedAt, stored.Version));
    }

    [Fact]
    public async Task A_correction_note_is_shown_under_the_public_piece_with_its_time()
    {
        var editor = await EditorAsync("corrections@example.com");
        var id = await DeskPages.CreateAsync(editor, "Budget math", body: "The budget is 10 trillion won.");
        await DeskPages.StepOkAsync(editor, id, "publish");
        app.Clock.Advance(TimeSpan.FromHours(1));
        var correctedAt = Now;
        var time = app.Services.GetRequiredService<ArchiveTime>();

        using var response = await DeskPages.EditAsync(editor, id, new Dictionary<string, string>
        {
            ["Body"] = "The budget is 12 trillion won.",
            ["CorrectionNote"] = "An earlier version gave the budget as 10 trillion won.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Html.GetAsync(app.CreateBrowserlessClient(), $"/en/articles/{id}/budget-math");
        var note = page.Single(".corrections li");
        Assert.Equal($"Updated {time.FormatDisplay(correctedAt, "en")} : An earlier version gave the budget as 10 trillion won.", note.Text());
        Assert.Equal(time.FormatMachine(correctedAt), note.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.EndsWith("+09:00", time.FormatMachine(correctedAt), StringComparison.Ordinal);
        Assert.Equal(time.FormatDisplay(correctedAt, "en"), page.Single(".piece-updated time").Text());
    }

    [Fact]
    public async Task Several_correction_notes_are_shown_oldest_first_with_their_text_as_written()
    {
        var editor = await EditorAsync("two-corrections@example.com");
        var id = await DeskPages.CreateAsync(editor, "Rail fares", body: "Fares rise 5%.");
        await DeskPages.StepOkAsync(editor, id, "publish");
        string[] notes = ["Fares rise 7%, not 5% as first stated.", "A quote was given to the wrong \"minister\" <b>& aide</b>."];
        foreach (var (note, version) in notes.Select((note, i) => (note, i)))
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            using var response = await DeskPages.EditAsync(editor, id, new Dictionary<string, string>
            {
                ["Body"] = $"Fares rise 7% (version {version}).",
                ["CorrectionNote"] = note,
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var page = await Html.GetAsync(app.CreateBrowserlessClient(), $"/en/articles/{id}/rail-fares");
        var shown = page.QuerySelectorAll(".corrections li").Select(li => li.Text()).ToList();
        Assert.Equal(2, shown.Count);
        Assert.EndsWith(notes[0], shown[0], StringComparison.Ordinal);
        Assert.EndsWith(notes[1], shown[1], StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".corrections b"));
    }

    [Fact]
    public async Task A_correction_note_on_a_draft_is_refused_and_the_text_kept()
    {
        var editor = await EditorAsync("note-draft@example.com");
        var id = await DeskPages.CreateAsync(editor, "Unpublished note");

        using var response = await BrowserForm.SubmitAsync(editor, $"/admin/articles/{id}/edit", DeskPages.ArticleForm, new Dictionary<string, string>
        {
            ["Body"] = "New words.",
            ["CorrectionNote"] = "Sneaky note.",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("A correction note goes with an update to a published piece.", page.Single(".notice-error").Text());
        Assert.Equal("New words.", page.Single("#Body").TextContent);
        Assert.Equal("First paragraph.", (await DeskPages.StoredAsync(app, id)).BodyMarkdown);
    }

    [Fact]
    public async Task Changing_a_published_pieces_slug_sends_the_old_address_to_the_new_one()
    {
        var editor = await EditorAsync("slugs@example.com");
        var id = await DeskPages.CreateAsync(editor, "Old name for a piece");
        await DeskPages.StepOkAsync(editor, id, "publish");

        using (var response = await DeskPages.EditAsync(editor, id, new Dictionary<string, string> { ["Slug"] = "new-name" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        using var old = await app.CreateBrowserlessClient().GetAsync($"/en/articles/{id}/old-name-for-a-piece");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/en/articles/{id}/new-name", old.Headers.Location!.OriginalString);
        using var current = await app.CreateBrowserlessClient().GetAsync($"/en/articles/{id}/new-name");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(["old-name-for-a-piece"], await app.Services.GetRequiredService<ArticleDeskRepository>().ListRetiredSlugsAsync(id, CancellationToken.None));
        var edit = await Html.GetAsync(editor, $"/admin/articles/{id}/edit");
        Assert.Equal("Former slugs, which now redirect here: old-name-for-a-piece", edit.Single(".retired-slugs").Text());
    }

    [Fact]
    public async Task A_step_that_does_not_apply_to_the_pieces_status_is_refused_with_a_reason()
    {
        var editor = await EditorAsync("wrong-step@example.com");
        var id = await DeskPages.CreateAsync(editor, "Only a draft");
        var page = await Html.GetAsync(editor, $"/admin/articles/{id}/edit");
        var token = page.QuerySelector("form.workflow-trash input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        // A draft has no Unpublish button; a hand-made post is refused and changes nothing.
        using var response = await editor.PostAsync($"/admin/articles/{id}/unpublish", new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "1", ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("That step does not apply to a draft piece.", (await Html.ParseAsync(response)).Single(".notice-error").Text());
        var stored = await DeskPages.StoredAsync(app, id);
        Assert.Equal((ArticleStatus.Draft, 1L), (stored.Status, stored.Version));
    }
}

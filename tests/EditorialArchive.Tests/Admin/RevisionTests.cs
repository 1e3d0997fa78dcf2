using System.Net;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;

namespace EditorialArchive.Tests.Admin;

public sealed class RevisionTests(DeskAppFactory app) : IClassFixture<DeskAppFactory>
{
    private async Task<HttpClient> EditorAsync(string email)
    {
        await Editors.CreateAsync(app, email);
        return await Editors.SignedInAsync(app, email);
    }

    private static async Task SaveAsync(HttpClient editor, long id, Dictionary<string, string> typed)
    {
        using var response = await DeskPages.EditAsync(editor, id, typed);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Every_save_and_step_is_a_revision_and_any_two_can_be_compared()
    {
        var editor = await EditorAsync("revisions@example.com");
        var id = await DeskPages.CreateAsync(editor, "Draft headline", body: "Line one.\nLine two.");
        await SaveAsync(editor, id, new() { ["Body"] = "Line one.\nLine two, revised." });
        await SaveAsync(editor, id, new() { ["Headline"] = "Final headline" });
        await DeskPages.StepOkAsync(editor, id, "publish");

        var page = await Html.GetAsync(editor, $"/admin/articles/{id}/revisions");

        var rows = page.QuerySelectorAll("table.revisions tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.Text()).ToList()).ToList();
        Assert.Equal(["4", "3", "2", "1"], rows.Select(r => r[2]));
        Assert.Equal(["published", "draft", "draft", "draft"], rows.Select(r => r[5]));
        Assert.All(rows, r => Assert.Equal("revisions@example.com", r[4]));
        // By default the last change: version 3 to 4 (only the status moved).
        Assert.Equal(["Status: draft"], page.QuerySelectorAll(".diff del").Select(e => e.Text()));
        Assert.Equal(["Status: published"], page.QuerySelectorAll(".diff ins").Select(e => e.Text()));

        var revisionIds = page.QuerySelectorAll("table.revisions tbody tr").Select(tr => tr.GetAttribute("data-revision")).ToList();
        var compared = await Html.GetAsync(editor, $"/admin/articles/{id}/revisions?from={revisionIds[3]}&to={revisionIds[1]}");
        Assert.Equal(["Headline: Draft headline", "Line two."], compared.QuerySelectorAll(".diff del").Select(e => e.Text()));
        Assert.Equal(["Headline: Final headline", "Line two, revised."], compared.QuerySelectorAll(".diff ins").Select(e => e.Text()));
        Assert.Contains("Line one.", compared.Single(".diff").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restoring_a_revision_makes_it_the_newest_version_without_losing_the_one_it_replaces()
    {
        var editor = await EditorAsync("restore@example.com");
        var id = await DeskPages.CreateAsync(editor, "Restorable", body: "The original words.");
        await DeskPages.StepOkAsync(editor, id, "publish");
        await SaveAsync(editor, id, new() { ["Body"] = "A regrettable rewrite.", ["Byline"] = "Someone" });

        var page = await Html.GetAsync(editor, $"/admin/articles/{id}/revisions");
        var original = page.QuerySelectorAll("table.revisions tbody tr")[^1].GetAttribute("data-revision");
        using var restored = await BrowserForm.SubmitAsync(editor, page, $"#restore-{original}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var stored = await DeskPages.StoredAsync(app, id);
        Assert.Equal(("The original words.", (string?)null, ArticleStatus.Published, 4L), (stored.BodyMarkdown, stored.Byline, stored.Status, stored.Version));
        var live = await Html.GetAsync(app.CreateBrowserlessClient(), $"/en/articles/{id}/restorable");
        Assert.Equal("The original words.", live.Single(".piece-body").Text());

        var after = await Html.GetAsync(editor, $"/admin/articles/{id}/revisions");
        var versions = after.QuerySelectorAll("table.revisions tbody tr").Select(tr => tr.QuerySelectorAll("td")[2].Text()).ToList();
        Assert.Equal(["4", "3", "2", "1"], versions);
        Assert.Equal(["Byline: Someone", "A regrettable rewrite."], after.QuerySelectorAll(".diff del").Select(e => e.Text()));
        Assert.Equal(["Byline:", "The original words."], after.QuerySelectorAll(".diff ins").Select(e => e.Text()));
    }

    [Fact]
    public async Task A_piece_that_never_went_through_the_desk_keeps_its_original_text_as_the_first_revision()
    {
        var editor = await EditorAsync("imported@example.com");
        var list = await Html.GetAsync(editor, "/admin?q=" + Uri.EscapeDataString("keep its night buses"));
        var id = long.Parse(list.Single("table.desk-list tbody tr").GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture);
        var original = (await DeskPages.StoredAsync(app, id)).BodyMarkdown;

        await SaveAsync(editor, id, new() { ["Body"] = "Replaced." });

        var page = await Html.GetAsync(editor, $"/admin/articles/{id}/revisions");
        var rows = page.QuerySelectorAll("table.revisions tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.Text()).ToList()).ToList();
        Assert.Equal([("2", "imported@example.com"), ("1", "")], rows.Select(r => (r[2], r[4])));
        Assert.Equal("Replaced.", page.Single(".diff ins").Text());
        Assert.Equal(Html.Text(page.QuerySelectorAll(".diff del")[0]), original.Split('\n')[0]);
    }

    [Fact]
    public async Task Restoring_from_a_stale_revisions_page_is_a_conflict()
    {
        var editor = await EditorAsync("stale-restore@example.com");
        var id = await DeskPages.CreateAsync(editor, "Stale", body: "One.");
        var page = await Html.GetAsync(editor, $"/admin/articles/{id}/revisions");
        await SaveAsync(editor, id, new() { ["Body"] = "Two." });

        var revision = page.Single("table.revisions tbody tr").GetAttribute("data-revision");
        using var response = await BrowserForm.SubmitAsync(editor, page, $"#restore-{revision}", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Two.", (await DeskPages.StoredAsync(app, id)).BodyMarkdown);
    }
}

using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Admin;

public sealed class DeskListTests(DeskAppFactory app) : IClassFixture<DeskAppFactory>
{
    private static readonly AuditEvent Actor = new(null, "test", "");

    private ArticleDesk Desk => app.Services.GetRequiredService<ArticleDesk>();

    /// <summary>Creates a draft directly (the form is tested elsewhere), one second after the previous change.</summary>
    private async Task<long> DraftAsync(string headline, string language = Languages.English, string section = "editorial")
    {
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var result = await Desk.CreateAsync(new ArticleContent(headline, SlugGenerator.FromHeadline(headline), language, section, null, "Body.", null, null, null), Actor, CancellationToken.None);
        return result.ArticleId!.Value;
    }

    private async Task<HttpClient> EditorAsync(string email)
    {
        await Editors.CreateAsync(app, email);
        return await Editors.SignedInAsync(app, email);
    }

    private static async Task<List<long>> IdsAsync(HttpClient client, string url)
    {
        var page = await Html.GetAsync(client, url);
        return [.. page.QuerySelectorAll("table.desk-list tbody tr").Select(tr => long.Parse(tr.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture))];
    }

    [Fact]
    public async Task The_text_filter_matches_percent_and_underscore_literally()
    {
        var editor = await EditorAsync("text-filter@example.com");
        var percent = await DraftAsync("Filtertest 100% sure");
        await DraftAsync("Filtertest 1000 reasons");
        var underscore = await DraftAsync("Filtertest snake_case names");
        await DraftAsync("Filtertest snakeXcase names");

        Assert.Equal([percent], await IdsAsync(editor, "/admin?q=" + Uri.EscapeDataString("0%")));
        Assert.Equal([underscore], await IdsAsync(editor, "/admin?q=" + Uri.EscapeDataString("e_c")));
        Assert.Equal(4, (await IdsAsync(editor, "/admin?q=filtertest")).Count);
        Assert.Empty(await IdsAsync(editor, "/admin?q=" + Uri.EscapeDataString("'; DROP TABLE articles; --")));
    }

    [Fact]
    public async Task Status_language_and_section_filters_combine_and_the_trash_shows_only_when_asked()
    {
        var editor = await EditorAsync("filters@example.com");
        var englishColumn = await DraftAsync("Combo english column", Languages.English, "column");
        var koreanColumn = await DraftAsync("Combo korean column", Languages.Korean, "column");
        var englishEditorial = await DraftAsync("Combo english editorial", Languages.English, "editorial");
        var trashed = await DraftAsync("Combo trashed", Languages.English, "column");
        Assert.Equal(DeskOutcome.Done, (await Desk.PublishAsync(englishColumn, 1, null, Actor, CancellationToken.None)).Outcome);
        Assert.Equal(DeskOutcome.Done, (await Desk.TrashAsync(trashed, 1, Actor, CancellationToken.None)).Outcome);

        // Publishing changed the English column last, so it now comes first.
        Assert.Equal([englishColumn, englishEditorial, koreanColumn], await IdsAsync(editor, "/admin?q=combo"));
        Assert.Equal([englishColumn], await IdsAsync(editor, "/admin?q=combo&status=published"));
        Assert.Equal([englishEditorial, koreanColumn], await IdsAsync(editor, "/admin?q=combo&status=draft"));
        Assert.Equal([koreanColumn], await IdsAsync(editor, "/admin?q=combo&language=ko"));
        Assert.Equal([englishColumn, koreanColumn], await IdsAsync(editor, "/admin?q=combo&section=column"));
        Assert.Equal([englishColumn], await IdsAsync(editor, "/admin?q=combo&section=column&language=en"));
        Assert.Equal([trashed], await IdsAsync(editor, "/admin?q=combo&status=trashed"));

        var page = await Html.GetAsync(editor, "/admin?q=combo&section=column");
        Assert.Equal("published", page.Single($"tr[data-id='{englishColumn}'] .badge").Text());
        Assert.Equal("badge badge-published", page.Single($"tr[data-id='{englishColumn}'] .badge").GetAttribute("class"));
        Assert.Equal("badge badge-draft", page.Single($"tr[data-id='{koreanColumn}'] .badge").GetAttribute("class"));
        Assert.Equal("column", page.Single("#section option[selected]").GetAttribute("value"));
        Assert.Equal("combo", page.Single("#q").GetAttribute("value"));
    }

    [Fact]
    public async Task The_most_recently_changed_piece_comes_first()
    {
        var editor = await EditorAsync("order@example.com");
        var older = await DraftAsync("Ordertest older");
        var newer = await DraftAsync("Ordertest newer");
        Assert.Equal([newer, older], await IdsAsync(editor, "/admin?q=ordertest"));

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(DeskOutcome.Done, (await Desk.SaveAsync(older, 1, (await DeskPages.StoredAsync(app, older)).Content with { BodyMarkdown = "Changed." }, null, Actor, CancellationToken.None)).Outcome);

        Assert.Equal([older, newer], await IdsAsync(editor, "/admin?q=ordertest"));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats_and_keep_the_filters()
    {
        var editor = await EditorAsync("pager@example.com");
        var created = new List<long>();
        for (var i = 0; i < 55; i++)
        {
            created.Add(await DraftAsync($"Pagertest {i}"));
        }

        var first = await Html.GetAsync(editor, "/admin?q=pagertest");
        var firstIds = first.QuerySelectorAll("table.desk-list tbody tr").Select(tr => long.Parse(tr.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var older = first.Single(".pager a[rel='next']").GetAttribute("href")!;
        var secondIds = await IdsAsync(editor, older);
        var second = await Html.GetAsync(editor, older);

        Assert.Equal(50, firstIds.Count);
        Assert.StartsWith("/admin?q=pagertest&before=", older, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Reverse(created).ToList(), [.. firstIds, .. secondIds]);
        Assert.Null(second.QuerySelector(".pager"));
    }
}

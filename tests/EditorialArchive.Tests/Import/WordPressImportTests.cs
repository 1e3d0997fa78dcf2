using System.Net;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Cli;
using EditorialArchive.Web.Import;
using static EditorialArchive.Tests.Import.WordPressFixture;

namespace EditorialArchive.Tests.Import;

/// <summary>
/// <c>import wordpress</c> on the hand-built export, into the real app (seeded with its five pieces), checked through
/// its pages: every public piece at its address with its times and counterpart, the report, hostile HTML, re-imports.
/// </summary>
public sealed class WordPressImportTests : IDisposable
{
    private readonly ArchiveAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Every_public_piece_is_at_its_address_with_its_times_byline_section_and_counterpart()
    {
        await ImportAsync(app);
        var client = app.CreateBrowserlessClient();

        var english = await ArticleIdAsync(app, 101);
        var korean = await ArticleIdAsync(app, 102);
        var page = await Html.GetAsync(client, $"/en/articles/{english}/night-buses-public-service");
        Assert.Equal("Night buses are a public service", page.Single(".piece-headline").Text());
        Assert.Contains("James Lee", page.Single(".piece-byline").Text(), StringComparison.Ordinal);
        Assert.Equal("Editorial", page.Single(".piece-section").Text());
        Assert.Equal("2023-05-10T09:30:00+09:00", page.Single(".piece-posted time").GetAttribute("datetime"));
        Assert.Equal("2023-05-11T11:00:00+09:00", page.Single(".piece-updated time").GetAttribute("datetime"));
        Assert.Equal($"/ko/articles/{korean}/{Uri.EscapeDataString("심야버스")}", page.Single(".piece-counterpart a").GetAttribute("href"));
        var body = page.Single(".piece-body");
        Assert.Equal("Who rides after midnight", body.QuerySelector("h2")!.Text());
        Assert.Equal("cooks", body.QuerySelector("em")!.Text());
        Assert.Equal("https://example.org/report?year=2023&line=N26", body.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(2, body.QuerySelectorAll("ul li").Length);
        Assert.Equal("A bus at 3 a.m. is a promise kept.", body.QuerySelector("blockquote")!.Text());
        Assert.Equal("An N26 bus at a stop at night", body.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Contains("The N26 at Sindorim", body.Text(), StringComparison.Ordinal);

        // post_date_gmt 0000-00-00: post_date (09:30) in the site's zone (Seoul), so the same instant as its counterpart.
        var ko = await Html.GetAsync(client, $"/ko/articles/{korean}/{Uri.EscapeDataString("심야버스")}");
        Assert.Equal("2023-05-10T09:30:00+09:00", ko.Single(".piece-posted time").GetAttribute("datetime"));
        Assert.Contains("김민지", ko.Single(".piece-byline").Text(), StringComparison.Ordinal);
        Assert.Equal($"/en/articles/{english}/night-buses-public-service", ko.Single(".piece-counterpart a").GetAttribute("href"));
        var koBody = ko.Single(".piece-body");
        Assert.Equal(4, koBody.QuerySelectorAll("p").Length - 1); // four paragraphs and the caption; blank lines split, a single newline breaks
        Assert.NotNull(koBody.QuerySelector("br"));
        Assert.Equal("밤 정류장의 N26 버스", koBody.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Contains("신도림의 N26 버스", koBody.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("[caption", koBody.TextContent, StringComparison.Ordinal);

        // No language term: the Hangul share decides. An unmapped category: the default section.
        var fares = await ArticleIdAsync(app, 110);
        Assert.Equal("ko", await QueryAsync<string>(app, "SELECT language FROM articles WHERE id = @fares", new { fares }));
        Assert.Equal("op-ed", await QueryAsync<string>(app, "SELECT s.slug FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.id = @fares", new { fares }));
        using var faresPage = await client.GetAsync($"/ko/articles/{fares}/{Uri.EscapeDataString("버스-요금")}");
        Assert.Equal(HttpStatusCode.OK, faresPage.StatusCode);

        // Every status: only publish is public; private never is.
        Assert.Equal("published", await StatusAsync(103));
        Assert.Equal("column", await QueryAsync<string>(app, "SELECT s.slug FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.id = @id", new { id = await ArticleIdAsync(app, 103) }));
        Assert.Equal("scheduled", await StatusAsync(104));
        Assert.Equal("2030-01-01T00:00:00Z", await QueryAsync<string>(app, "SELECT publish_at FROM articles WHERE id = @id", new { id = await ArticleIdAsync(app, 104) }));
        Assert.Equal("draft", await StatusAsync(105));
        Assert.Equal("a-draft-without-a-date", await QueryAsync<string>(app, "SELECT slug FROM articles WHERE id = @id", new { id = await ArticleIdAsync(app, 105) }));
        Assert.Equal("draft", await StatusAsync(106));
        Assert.Equal("draft", await StatusAsync(107));
        Assert.Equal("trashed", await StatusAsync(108));
        Assert.Equal("draft", await StatusAsync(109));
        Assert.Equal("draft", await StatusAsync(111)); // password-protected
        using var privatePage = await client.GetAsync($"/en/articles/{await ArticleIdAsync(app, 107)}/private-note");
        Assert.Equal(HttpStatusCode.NotFound, privatePage.StatusCode);

        // _wp_old_slug: a former slug of the piece, as the desk keeps them.
        Assert.Equal("night-buses", await QueryAsync<string>(app, "SELECT slug FROM article_slugs WHERE article_id = @english", new { english }));
        using var oldSlug = await client.GetAsync($"/en/articles/{english}/night-buses");
        Assert.Equal(HttpStatusCode.MovedPermanently, oldSlug.StatusCode);
        Assert.Equal($"/en/articles/{english}/night-buses-public-service", oldSlug.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_report_accounts_for_every_item()
    {
        var report = await ImportAsync(app);

        Assert.Equal(14, report.Items);
        Assert.Equal(11, report.Imported);
        Assert.Equal(report.Items, report.Imported + report.Updated + report.Unchanged + report.Conflicts + report.SkippedCount);
        Assert.Equal(new Dictionary<string, int> { ["attachment"] = 1, ["nav_menu_item"] = 1, ["page"] = 1 }, report.Skipped);
        Assert.Equal(1, report.CounterpartLinks);
        Assert.Equal(["Uncategorized", "경제"], report.UnknownCategories.Keys);
        Assert.Equal(["transport", "버스"], report.Tags.Keys);
        Assert.Equal(1, report.ExcerptsNotKept);
        Assert.Contains(report.Warnings, w => w.SourceId == 111 && w.Message.Contains("password", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.SourceId == 108 && w.Message.Contains("thrown-away__trashed", StringComparison.Ordinal));
        Assert.Equal(11, await QueryAsync<long>(app, "SELECT count(*) FROM import_sources"));
        Assert.Equal(16, await QueryAsync<long>(app, "SELECT count(*) FROM articles")); // the five seed pieces and eleven posts

        var printed = report.Format("opinion-desk.wxr.xml", TimeSpan.FromSeconds(1));
        Assert.Contains("imported   11", printed, StringComparison.Ordinal);
        Assert.Contains("skipped    3: attachment 1, nav_menu_item 1, page 1", printed, StringComparison.Ordinal);
        Assert.Contains("item 111: password-protected", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_html_is_inert_on_the_page_and_text_emoji_and_the_long_title_survive()
    {
        await ImportAsync(app);
        var id = await ArticleIdAsync(app, 103);
        var markdown = await QueryAsync<string>(app, "SELECT body_markdown FROM articles WHERE id = @id", new { id });
        var title = Text.Split("<title><![CDATA[")[3].Split("]]>")[0];
        Assert.Equal(300, title.Length);

        var page = await Html.GetAsync(app.CreateBrowserlessClient(), $"/en/articles/{id}/the-long-view");
        var article = page.Single("article.piece");
        Assert.Equal(title.Trim(), page.Single(".piece-headline").Text());
        Assert.Empty(article.QuerySelectorAll("script, iframe, form, input, button, svg, style, object, embed"));
        Assert.All(article.QuerySelectorAll("*"), element => Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Name == "style"));
        Assert.All(article.QuerySelectorAll("[href], [src]"), element =>
        {
            var target = element.GetAttribute("href") ?? element.GetAttribute("src") ?? "";
            Assert.DoesNotContain("javascript:", target, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("data:", target, StringComparison.OrdinalIgnoreCase);
        });
        var body = page.Single(".piece-body").Text();
        Assert.Contains("Before the script. After the script. 😀 Emoji and 𠜎 stay.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("pwned", body, StringComparison.Ordinal);
        Assert.Contains("a javascript link and a data link and a safe link", body, StringComparison.Ordinal);
        Assert.Contains("Styled text kept as text.", body, StringComparison.Ordinal);
        // Text that was escaped in the HTML stays text: shown, never run.
        Assert.Contains("<script>alert(\"escaped\")</script> and *stars* [sic].", body, StringComparison.Ordinal);
        Assert.Contains("https://www.youtube.com/watch?v=abc123", body, StringComparison.Ordinal);
        Assert.DoesNotContain("[gallery", body, StringComparison.Ordinal);
        Assert.Equal("https://example.org/", page.Single(".piece-body a[href^='https://example.org']").GetAttribute("href"));
        // What the HTML escaped is kept as escaped Markdown text (\<script\>); the elements themselves are gone.
        Assert.DoesNotContain("document.title", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)<(script|iframe|svg|form)", markdown);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        await ImportAsync(app);
        var before = await StateAsync();

        var again = await ImportAsync(app);

        Assert.Equal(0, again.Imported);
        Assert.Equal(0, again.Updated);
        Assert.Equal(11, again.Unchanged);
        Assert.Equal(0, again.CounterpartLinks);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_newer_file_updates_the_changed_piece_as_a_new_revision()
    {
        await ImportAsync(app);
        var id = await ArticleIdAsync(app, 101);
        var newer = Text
            .Replace("<![CDATA[Night buses are a public service]]>", "<![CDATA[Night buses are a public good]]>", StringComparison.Ordinal)
            .Replace("<![CDATA[2023-05-11 02:00:00]]>", "<![CDATA[2023-05-12 02:00:00]]>", StringComparison.Ordinal);

        var report = await ImportAsync(app, newer);

        Assert.Equal(1, report.Updated);
        Assert.Equal(10, report.Unchanged);
        Assert.Equal(0, report.Imported);
        Assert.Equal(2, await QueryAsync<long>(app, "SELECT version FROM articles WHERE id = @id", new { id }));
        // The imported state and the update, the latter by the importer.
        Assert.Equal(2, await QueryAsync<long>(app, "SELECT count(*) FROM article_revisions WHERE article_id = @id", new { id }));
        Assert.Equal(WordPressImporter.Actor, await QueryAsync<string>(app, "SELECT actor_email FROM article_revisions WHERE article_id = @id ORDER BY id DESC LIMIT 1", new { id }));
        Assert.Equal("Night buses are a public service", await QueryAsync<string>(app, "SELECT headline FROM article_revisions WHERE article_id = @id ORDER BY id LIMIT 1", new { id }));
        var page = await Html.GetAsync(app.CreateBrowserlessClient(), $"/en/articles/{id}/night-buses-public-service");
        Assert.Equal("Night buses are a public good", page.Single(".piece-headline").Text());
        Assert.Equal("2023-05-12T11:00:00+09:00", page.Single(".piece-updated time").GetAttribute("datetime"));

        // And that newer file again: nothing more.
        var again = await ImportAsync(app, newer);
        Assert.Equal(11, again.Unchanged);
    }

    [Fact]
    public async Task A_piece_an_editor_changed_since_the_import_is_not_overwritten_and_the_conflict_is_reported()
    {
        await ImportAsync(app);
        var id = await ArticleIdAsync(app, 102);
        await QueryAsync<long>(app, "UPDATE articles SET headline = '편집자가 고친 제목', version = version + 1 WHERE id = @id RETURNING id", new { id });
        var newer = Text.Replace("새벽 세 시의 버스는 지켜진 약속이다.", "새벽 세 시의 버스는 꼭 지켜야 할 약속이다.", StringComparison.Ordinal);

        var report = await ImportAsync(app, newer);

        Assert.Equal(1, report.Conflicts);
        Assert.Equal(0, report.Updated);
        Assert.Contains(report.Warnings, w => w.SourceId == 102 && w.Message.Contains($"piece {id} was changed here", StringComparison.Ordinal));
        Assert.Equal("편집자가 고친 제목", await QueryAsync<string>(app, "SELECT headline FROM articles WHERE id = @id", new { id }));
        Assert.DoesNotContain("꼭 지켜야", await QueryAsync<string>(app, "SELECT body_markdown FROM articles WHERE id = @id", new { id }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_through_the_verb_prints_the_report_and_writes_nothing()
    {
        var before = await StateAsync();
        var output = new StringWriter();
        var stdout = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.Equal(0, await ImportVerbs.RunAsync(app.Services, ["wordpress", FilePath, "--db", app.DatabasePath, "--dry-run", "--section-map", "사설=editorial,칼럼=column"], CancellationToken.None));
        }
        finally
        {
            Console.SetOut(stdout);
        }

        Assert.Contains("Dry run (nothing was written): 14 items", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("imported   11", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
        Assert.Equal(0, await QueryAsync<long>(app, "SELECT count(*) FROM import_sources"));
    }

    [Fact]
    public async Task Into_a_new_file_through_the_verb_the_import_takes_the_file_alone_and_leaves_it_as_the_app_opens_it()
    {
        using var fresh = new TempDatabase();
        string[] args = ["wordpress", FilePath, "--db", fresh.Path, "--section-map", "사설=editorial,칼럼=column", "--permalinks", "/%year%/%monthnum%/%postname%/"];
        Assert.Equal(0, await ImportVerbs.RunAsync(app.Services, args, CancellationToken.None));

        await using (var connection = await Export.Exchange.Connections(fresh.Path).OpenAsync(CancellationToken.None))
        {
            Assert.Equal(11, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT count(*) FROM articles"));
            Assert.Equal("wal", await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "PRAGMA journal_mode"));
            // The search index was written through the triggers (and merged once at the end).
            Assert.True(await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT count(*) FROM article_search WHERE article_search MATCH '심야버스 OR buses'") >= 2);
        }

        // A second run finds every post imported: nothing new, nothing changed.
        var output = new StringWriter();
        var stdout = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.Equal(0, await ImportVerbs.RunAsync(app.Services, args, CancellationToken.None));
        }
        finally
        {
            Console.SetOut(stdout);
        }

        Assert.Contains("imported   0\n", output.ToString().Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("unchanged  11", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_file_stops_with_its_line_and_column_and_nothing_is_written()
    {
        await ImportAsync(app);
        var before = await StateAsync();
        // The first item changes (an update is written at once), then the third item is broken: all of it is undone.
        var broken = Text
            .Replace("<![CDATA[Night buses are a public service]]>", "<![CDATA[Changed before the break]]>", StringComparison.Ordinal)
            .Replace("<wp:post_name><![CDATA[the-long-view]]></wp:post_name>", "<wp:post_name><![CDATA[the-long-view]]></wp:post_nam>", StringComparison.Ordinal);
        var line = broken[..broken.IndexOf("</wp:post_nam>", StringComparison.Ordinal)].Count(ch => ch == '\n') + 1;

        var error = await Assert.ThrowsAsync<WxrFormatException>(() => ImportAsync(app, broken));

        Assert.Equal(line, error.Line);
        Assert.Contains($"Line {line}, column ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported.", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());

        var notWxr = await Assert.ThrowsAsync<WxrFormatException>(() => ImportAsync(app, "<html><body>not an export</body></html>"));
        Assert.Contains("Line 1, column 2: expected a WordPress export", notWxr.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Old_wordpress_addresses_answer_301_with_the_new_one_when_the_permalink_structure_is_given()
    {
        var report = await ImportAsync(app, options: Options(permalinks: "/%year%/%monthnum%/%postname%/"));
        var english = await ArticleIdAsync(app, 101);
        var korean = await ArticleIdAsync(app, 102);
        var client = app.CreateBrowserlessClient();
        var englishUrl = $"/en/articles/{english}/night-buses-public-service";
        var koreanUrl = $"/ko/articles/{korean}/{Uri.EscapeDataString("심야버스")}";

        await AssertMovedAsync(client, "/2023/05/night-buses-public-service/", englishUrl);
        await AssertMovedAsync(client, "/2023/05/night-buses-public-service", englishUrl);
        await AssertMovedAsync(client, "/2023/05/night-buses/", englishUrl); // an old slug's permalink
        await AssertMovedAsync(client, "/2023/05/%EC%8B%AC%EC%95%BC%EB%B2%84%EC%8A%A4/", koreanUrl); // Korean, percent-encoded as browsers send it
        await AssertMovedAsync(client, "/?p=101", englishUrl);
        await AssertMovedAsync(client, "/?p=102", koreanUrl);

        // Not public, not known, or the archive's own address: no 301 from the old site's table.
        using var privateOne = await client.GetAsync("/?p=107");
        Assert.NotEqual(HttpStatusCode.MovedPermanently, privateOne.StatusCode);
        using var unknown = await client.GetAsync("/2023/05/no-such-post/");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var home = await client.GetAsync("/en/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.True(report.LegacyAddresses >= 6);
    }

    private static async Task AssertMovedAsync(HttpClient client, string from, string to)
    {
        using var response = await client.GetAsync(from);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(to, response.Headers.Location!.OriginalString);
    }

    private async Task<string> StatusAsync(long postId) =>
        await QueryAsync<string>(app, "SELECT status FROM articles WHERE id = @id", new { id = await ArticleIdAsync(app, postId) });

    // Everything an import could write, in one line: counts and the newest change of each table it touches.
    private Task<string> StateAsync() => QueryAsync<string>(app, """
        SELECT (SELECT count(*) FROM articles) || '/' || (SELECT coalesce(max(modified_at), '') FROM articles) || '/' ||
               (SELECT coalesce(sum(version), 0) FROM articles) || '/' || (SELECT count(*) FROM article_revisions) || '/' ||
               (SELECT count(*) FROM article_links) || '/' || (SELECT count(*) FROM article_slugs) || '/' ||
               (SELECT count(*) FROM import_sources) || '/' || (SELECT coalesce(group_concat(content_hash), '') FROM import_sources) || '/' ||
               (SELECT count(*) FROM legacy_addresses) || '/' || (SELECT version FROM archive_changes)
        """);
}

using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Web;

/// <summary>
/// Related pieces are computed when pieces are written and stored (migration 011), not searched for on every view:
/// they share the headline's significant words, in both languages, and a piece that leaves is off every page at once
/// and off the stored lists after the next refresh.
/// </summary>
public sealed class RelatedPiecesTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Fact]
    public async Task Stored_lists_share_significant_headline_words_in_both_languages_and_show_on_the_page()
    {
        // In one transaction: a list is computed on save, so one the background refresher computed between two inserts
        // would rightly lack the later piece.
        var ids = await TestPieces.InsertAllAsync(
            app,
            ("Harbour dredging plan stalls again", Languages.English),
            ("Harbour dredging costs keep rising", Languages.English),
            ("Orchard subsidies reach farmers", Languages.English),
            ("항만 준설 계획 또 멈춰", Languages.Korean),
            ("항만 준설 비용 계속 늘어", Languages.Korean));
        var (dredging, costs, orchard, koreanPlan, koreanCosts) = (ids[0], ids[1], ids[2], ids[3], ids[4]);

        await TestPieces.RefreshRelatedAsync(app);

        Assert.Contains(costs, await StoredAsync(dredging));
        Assert.DoesNotContain(orchard, await StoredAsync(dredging));
        Assert.DoesNotContain(dredging, await StoredAsync(dredging));
        Assert.Contains(koreanCosts, await StoredAsync(koreanPlan));
        Assert.DoesNotContain(dredging, await StoredAsync(koreanPlan));
        var page = await Html.GetAsync(app.CreateBrowserlessClient(), ArticleUrls.Article(Languages.English, dredging, "harbour-dredging-plan-stalls-again"));
        Assert.Contains("Harbour dredging costs keep rising", page.QuerySelectorAll(".related li a").Select(a => a.Text()));
    }

    [Fact]
    public async Task A_piece_that_is_unpublished_leaves_the_pages_listing_it_at_once_and_their_stored_lists_after_a_refresh()
    {
        var ids = await TestPieces.InsertAllAsync(app, ("Levee inspections find cracks", Languages.English), ("Levee repair funds approved", Languages.English));
        var (levee, leveeFunds) = (ids[0], ids[1]);
        await TestPieces.RefreshRelatedAsync(app);
        Assert.Contains(leveeFunds, await StoredAsync(levee));
        var url = ArticleUrls.Article(Languages.English, levee, "levee-inspections-find-cracks");
        using var reader = app.CreateBrowserlessClient();
        Assert.Contains("Levee repair funds approved", (await Html.GetAsync(reader, url)).QuerySelectorAll(".related li a").Select(a => a.Text()));

        await TestPieces.UpdateAsync(app, leveeFunds, status: ArticleStatus.Unpublished);

        Assert.DoesNotContain("Levee repair funds approved", (await Html.GetAsync(reader, url)).QuerySelectorAll(".related li a").Select(a => a.Text()));
        await TestPieces.RefreshRelatedAsync(app);
        Assert.DoesNotContain(leveeFunds, await StoredAsync(levee));
    }

    [Fact]
    public async Task A_retitled_piece_gets_a_new_list_from_its_new_headline()
    {
        var tram = await TestPieces.InsertAsync(app, "Tramline extension delayed");
        var glacier = await TestPieces.InsertAsync(app, "Glacier retreat measured");
        await TestPieces.RefreshRelatedAsync(app);
        Assert.DoesNotContain(glacier, await StoredAsync(tram));

        await TestPieces.UpdateAsync(app, tram, headline: "Glacier tramline extension delayed");
        await TestPieces.RefreshRelatedAsync(app);

        Assert.Contains(glacier, await StoredAsync(tram));
    }

    private async Task<List<long>> StoredAsync(long id)
    {
        await using var connection = await app.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<long>("SELECT related_id FROM article_related WHERE article_id = @id AND related_id IS NOT NULL ORDER BY position", new { id })).AsList();
    }
}

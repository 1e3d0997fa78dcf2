using System.Net;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Reading;

namespace EditorialArchive.Tests.Security;

/// <summary>The inputs the property tests found crashing the app, kept as fixed cases.</summary>
public sealed class HostileInputRegressionTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Theory]
    [InlineData("/ko/bylines/%E2%80%A8")]
    [InlineData("/en/bylines/%20")]
    [InlineData("/en/bylines/%09%0A")]
    public async Task A_byline_of_only_white_space_is_not_found_rather_than_an_error(string url)
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("%EF%BF%BE")]
    [InlineData("seoul%EF%BF%BF")]
    [InlineData("%EF%B7%90%ED%95%9C")]
    public async Task Search_for_a_noncharacter_answers_the_results_page(string query)
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.GetAsync($"/en/search?q={query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("\uD800")]
    [InlineData("Seoul \uDC00 night")]
    [InlineData("\uFFFE")]
    [InlineData("𝕏\uDBFF\uDFFF")]
    public void Ill_formed_unicode_gives_a_slug_and_a_query_instead_of_throwing(string text)
    {
        Assert.True(SlugGenerator.IsValid(SlugGenerator.FromHeadline(text)));
        Assert.False(SlugGenerator.IsValid(text));
        _ = SearchQuery.Parse(text).ToMatchExpression();
    }

    [Theory]
    [InlineData("9999-12-31T23:59", "America/New_York")]
    [InlineData("0001-01-01T00:00", "Asia/Seoul")]
    public void A_time_at_the_edge_of_the_calendar_is_refused_rather_than_overflowing(string text, string zone)
    {
        Assert.False(LocalTimeInput.TryParse(text, TimeZoneInfo.FindSystemTimeZoneById(zone), out _));
    }
}

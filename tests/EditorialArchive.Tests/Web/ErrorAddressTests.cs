using System.Net;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Web;

/// <summary>The status pages' own addresses answer 404 when visited: only a failed request keeps its status.</summary>
public sealed class ErrorAddressTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Theory]
    [InlineData("/error/500")]
    [InlineData("/error/503")]
    [InlineData("/error/542")]
    [InlineData("/error/429")]
    [InlineData("/error/410")]
    [InlineData("/error/200")]
    public async Task A_direct_visit_to_a_status_page_is_not_found(string address)
    {
        using var response = await app.CreateBrowserlessClient().GetAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Page not found", page.Single("h1").Text());
    }

    [Fact]
    public async Task A_missing_page_still_shows_the_not_found_page_in_its_language()
    {
        using var response = await app.CreateBrowserlessClient().GetAsync("/ko/articles/999999/none");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("ko", page.DocumentElement.GetAttribute("lang"));
    }
}

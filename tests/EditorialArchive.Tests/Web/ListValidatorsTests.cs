using System.Net;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Web;

public sealed class ListValidatorsTests(FakeClockAppFactory app) : IClassFixture<FakeClockAppFactory>
{
    [Fact]
    public async Task A_list_page_cached_yesterday_is_not_current_after_the_newsrooms_midnight()
    {
        // 14:30 UTC is 23:30 in Seoul; an hour later it is the next day there, and "on this day" has moved on.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 14, 30, 0, TimeSpan.Zero));
        var client = app.CreateBrowserlessClient();
        using var first = await client.GetAsync("/en/");
        var etag = first.Headers.ETag!;

        using var sameDay = new HttpRequestMessage(HttpMethod.Get, "/en/");
        sameDay.Headers.IfNoneMatch.Add(etag);
        using var sameDayResponse = await client.SendAsync(sameDay);

        app.Clock.Advance(TimeSpan.FromHours(1));
        using var nextDay = new HttpRequestMessage(HttpMethod.Get, "/en/");
        nextDay.Headers.IfNoneMatch.Add(etag);
        nextDay.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var nextDayResponse = await client.SendAsync(nextDay);

        Assert.Equal(HttpStatusCode.NotModified, sameDayResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nextDayResponse.StatusCode);
        Assert.NotEqual(etag, nextDayResponse.Headers.ETag);
        // Last-Modified is never before the newsroom's midnight, so If-Modified-Since alone cannot keep yesterday's page.
        Assert.True(nextDayResponse.Content.Headers.LastModified >= new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
    }
}

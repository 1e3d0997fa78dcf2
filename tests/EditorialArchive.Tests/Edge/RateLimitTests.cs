using System.Net;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Edge;

public sealed class SmallRateLimitsAppFactory : ProxiedAppFactory
{
    public const int RequestsPerMinute = 10;
    public const int SearchesPerMinute = 3;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("RateLimits:RequestsPerMinute", RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("RateLimits:SearchesPerMinute", SearchesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}

/// <summary>Per-address limits: the address over its limit is told when to come back; other addresses go on as before.</summary>
public sealed class RateLimitTests(SmallRateLimitsAppFactory app) : IClassFixture<SmallRateLimitsAppFactory>
{
    [Fact]
    public async Task Searches_over_the_limit_answer_429_with_retry_after_and_a_readable_page()
    {
        using var client = app.CreateBrowserlessClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i <= SmallRateLimitsAppFactory.SearchesPerMinute; i++)
        {
            // A new query each time: a repeated one would be a cache hit, which costs nothing and is not counted.
            var response = await client.SendAsync(ProxiedAppFactory.Request($"/en/search?q=word{i}", "198.51.100.1"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using (refused)
        {
            var retryAfter = refused!.Headers.RetryAfter?.Delta;
            Assert.True(retryAfter is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After was {retryAfter}");
            var page = await Html.ParseAsync(refused);
            Assert.Equal("Too many requests", page.QuerySelector("h1")!.Text());
            Assert.Equal("Too many attempts. Please wait a minute and try again.", page.Single(".status-message").Text());
        }

        // Another reader searches as before, and the refused one may still read pages.
        using var other = await client.SendAsync(ProxiedAppFactory.Request("/en/search?q=word9", "198.51.100.2"));
        using var reading = await client.SendAsync(ProxiedAppFactory.Request("/en/", "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
    }

    [Fact]
    public async Task Requests_over_the_global_limit_answer_429_but_other_addresses_and_the_health_check_are_served()
    {
        using var client = app.CreateBrowserlessClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= SmallRateLimitsAppFactory.RequestsPerMinute; i++)
        {
            // The sign-in form is never cached, so every request reaches the limiter.
            using var response = await client.SendAsync(ProxiedAppFactory.Request("/admin/login", "198.51.100.3"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, SmallRateLimitsAppFactory.RequestsPerMinute).Append(HttpStatusCode.TooManyRequests), statuses);
        using var refused = await client.SendAsync(ProxiedAppFactory.Request("/admin/login", "198.51.100.3"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);

        using var other = await client.SendAsync(ProxiedAppFactory.Request("/admin/login", "198.51.100.4"));
        using var health = await client.SendAsync(ProxiedAppFactory.Request("/healthz", "198.51.100.3"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}

using System.Net;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Nodes;

/// <summary>Redis configured but not answering (nothing listens on port 1): readers are served, /healthz says why.</summary>
public sealed class RedisUnreachableTests(RedisUnreachableTests.Factory app) : IClassFixture<RedisUnreachableTests.Factory>
{
    public sealed class Factory : ArchiveAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Archive:Redis", "127.0.0.1:1,connectTimeout=300,connectRetry=0"),
            new("Archive:RedisKeyPrefix", "tests:unreachable:"),
        ];
    }

    [Fact]
    public async Task Pages_are_rendered_uncached_instead_of_failing()
    {
        using var reader = app.CreateBrowserlessClient();
        foreach (var page in new[] { "/en/articles/1/s-korea-should-prepare-for-u-s-n-korea-potential-developments", "/en/", "/en/rss.xml" })
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                using var response = await reader.GetAsync(page);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {(int)response.StatusCode} with Redis down");
                Assert.Null(response.Headers.Age);
            }
        }
    }

    [Fact]
    public async Task The_health_check_reports_degraded_and_the_node_stays_in_rotation()
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", await response.Content.ReadAsStringAsync());
    }
}

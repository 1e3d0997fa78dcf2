using System.Net;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Admin;

public sealed class RateLimitedAppFactory : ArchiveAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Accounts:SignInAttemptsPerMinute", "3")];
}

public sealed class SignInRateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_are_told_to_wait()
    {
        var client = app.CreateBrowserlessClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await Editors.PostSignInAsync(client, "someone@example.com", "a wrong password");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("Too many attempts. Please wait a minute and try again.", (await Html.ParseAsync(response)).Single(".status-message").Text());
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // The sign-in page itself (GET) stays reachable.
        using var form = await client.GetAsync("/admin/login");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }
}

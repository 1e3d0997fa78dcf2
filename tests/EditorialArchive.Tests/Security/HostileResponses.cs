using System.Net;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Security;

/// <summary>What every answer to hostile input must be: no 5xx, and an HTML answer that is inert.</summary>
public static class HostileResponses
{
    /// <summary>
    /// Sends the request; a path with %00 is refused by the in-process test server's URL decoder with this exception
    /// before the app sees it (Kestrel answers 400 there), so it counts as refused, not as a failure of the app.
    /// </summary>
    public static async Task<HttpResponseMessage?> GetAsync(HttpClient client, string url)
    {
        try
        {
            // Absolute, so that a path starting "//" stays a path rather than a host.
            return await client.GetAsync(new Uri(client.BaseAddress!, "/").AbsoluteUri.TrimEnd('/') + url);
        }
        catch (InvalidOperationException e) when (e.Message == "The path contains null characters.")
        {
            return null;
        }
    }

    public static async Task AssertHarmlessAsync(HttpResponseMessage response, string request, string input)
    {
        Assert.True((int)response.StatusCode < 500, $"{request} for input \"{HostileStrings.Show(input)}\" answered {(int)response.StatusCode}");
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            InertPage.Assert(await Html.ParseAsync(response), request, input);
        }
    }

    /// <summary>The host still serves after the storm of input (nothing crashed it or poisoned its state).</summary>
    public static async Task AssertStillServingAsync(HttpClient client)
    {
        using var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var home = await client.GetAsync("/en/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}

using System.Net;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Edge;

/// <summary>Every kind of response carries the security headers; HSTS and Secure cookies only over HTTPS (via the trusted proxy).</summary>
public sealed class SecurityHeaderTests(ProxiedAppFactory app) : IClassFixture<ProxiedAppFactory>
{
    public static TheoryData<string, HttpStatusCode> Responses => new()
    {
        { "/en/", HttpStatusCode.OK },
        { "/ko/", HttpStatusCode.OK },
        { "/en/search?q=city", HttpStatusCode.OK },
        { "/en/rss.xml", HttpStatusCode.OK },
        { "/sitemap.xml", HttpStatusCode.OK },
        { "/robots.txt", HttpStatusCode.OK },
        { "/en/no-such-page", HttpStatusCode.NotFound },
        { "/en/search?from=not-a-date", HttpStatusCode.BadRequest },
        { "/favicon.svg", HttpStatusCode.OK },
        { "/admin/login", HttpStatusCode.OK },
        { "/admin", HttpStatusCode.Redirect },
        { "/healthz", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers(string url, HttpStatusCode expected)
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.SendAsync(ProxiedAppFactory.Request(url));

        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS was sent over plain HTTP");
    }

    [Fact]
    public async Task A_page_served_from_the_output_cache_and_the_stylesheet_carry_them_too()
    {
        using var client = app.CreateBrowserlessClient();
        var front = await Html.GetAsync(client, "/en/");
        var stylesheet = front.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        // Stored from its second request (ArchivePageAdmission), served from the cache from its third.
        using var stored = await client.SendAsync(ProxiedAppFactory.Request("/en/"));
        using var cached = await client.SendAsync(ProxiedAppFactory.Request("/en/"));
        using var css = await client.SendAsync(ProxiedAppFactory.Request(stylesheet));

        Assert.True(cached.Headers.Age is not null, "the third request was not a cache hit");
        AssertSecurityHeaders(cached);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        AssertSecurityHeaders(css);
    }

    [Fact]
    public async Task The_policy_allows_no_inline_script_or_style_and_no_framing()
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.SendAsync(ProxiedAppFactory.Request("/en/"));
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Pages_have_no_inline_script_style_or_event_handler()
    {
        using var client = app.CreateBrowserlessClient();
        var front = await Html.GetAsync(client, "/en/");
        var piece = front.QuerySelector(".piece-item-headline a")!.GetAttribute("href")!;
        foreach (var url in new[] { "/en/", piece, "/en/search?q=city", "/admin/login" })
        {
            var page = await Html.GetAsync(client, url);
            Assert.Empty(page.QuerySelectorAll("style, [style]"));
            Assert.All(page.QuerySelectorAll("script"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Fact]
    public async Task Hsts_is_sent_when_the_proxy_says_the_request_came_over_https()
    {
        using var client = app.CreateBrowserlessClient();
        using var response = await client.SendAsync(ProxiedAppFactory.Request("/en/", https: true));

        Assert.StartsWith("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Desk_cookies_are_http_only_same_site_and_secure_behind_tls(bool https)
    {
        var email = $"cookie-{https}@example.com";
        await Editors.CreateAsync(app, email);
        // The browser sends Secure cookies back only to https addresses: the client's own cookie jar behaves alike.
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri(https ? "https://localhost" : "http://localhost") });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.20");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", https ? "https" : "http");

        using var form = await client.GetAsync("/admin/login");
        using var signedIn = await Editors.PostSignInAsync(client, email, Editors.Password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = form.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        foreach (var name in new[] { "ea_csrf=", "ea_admin=" })
        {
            var cookie = Assert.Single(cookies, c => c.StartsWith(name, StringComparison.Ordinal));
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/admin", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(https, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
        }
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", string.Join(' ', response.Headers.GetValues("Permissions-Policy")), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), "the Server header names the web server");
    }
}

using System.Net;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Admin;

public sealed class AdminAuthorizationTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    /// <summary>Every /admin endpoint the app has, with an HTTP method it answers.</summary>
    private List<(string Method, string Path, RouteEndpoint Endpoint)> AdminEndpoints()
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var endpoints = new List<(string, string, RouteEndpoint)>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (!pattern.StartsWith("/admin", StringComparison.Ordinal))
            {
                continue;
            }

            // Fill route parameters ({id:long}, {id}) with a plausible value.
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", "1");
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            endpoints.AddRange(methods.Select(method => (method, path, endpoint)));
        }

        return endpoints;
    }

    private static bool IsPublic(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    [Fact]
    public async Task Every_admin_endpoint_refuses_anonymous_requests()
    {
        var endpoints = AdminEndpoints();
        Assert.Contains(endpoints, e => e.Path == "/admin/users" && e.Method == "POST");
        Assert.Contains(endpoints, e => e.Path == "/admin/audit");

        var client = app.CreateBrowserlessClient();
        var checkedCount = 0;
        foreach (var (method, path, endpoint) in endpoints.Where(e => !IsPublic(e.Endpoint)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
            {
                request.Content = new FormUrlEncodedContent([]);
            }

            using var response = await client.SendAsync(request);

            Assert.True(
                response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.StartsWith("http://localhost/admin/login", StringComparison.Ordinal),
                $"{method} {path} answered {(int)response.StatusCode} {response.Headers.Location} to an anonymous request");
            checkedCount++;
        }

        Assert.True(checkedCount >= 8, $"only {checkedCount} admin endpoints were checked");
    }

    [Fact]
    public void Only_the_sign_in_and_denied_pages_are_open_to_anonymous_visitors()
    {
        var open = AdminEndpoints().Where(e => IsPublic(e.Endpoint)).Select(e => $"{e.Method} {e.Path}").Order().ToList();

        Assert.Equal(["GET /admin/denied", "GET /admin/login", "POST /admin/login"], open);
    }

    [Fact]
    public async Task An_editor_is_refused_the_admins_pages()
    {
        await Editors.CreateAsync(app, "editor-only@example.com", EditorRoles.Editor);
        var client = await Editors.SignedInAsync(app, "editor-only@example.com");

        using var desk = await client.GetAsync("/admin");
        using var users = await client.GetAsync("/admin/users");
        using var audit = await client.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.StartsWith("http://localhost/admin/denied", users.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, audit.StatusCode);
    }

    [Fact]
    public async Task Admin_pages_are_never_cached_and_public_pages_set_no_cookie()
    {
        await Editors.CreateAsync(app, "cache@example.com", EditorRoles.Admin);
        var client = await Editors.SignedInAsync(app, "cache@example.com");

        using var desk = await client.GetAsync("/admin");
        using var home = await client.GetAsync("/en/");

        Assert.Contains("no-store", desk.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.False(home.Headers.Contains("Set-Cookie"));
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Infrastructure;

/// <summary>
/// The app as it runs behind its TLS-terminating proxy on the same machine: every connection comes from loopback
/// (a trusted proxy), so the app's own forwarded-headers middleware takes the client's address and scheme from
/// X-Forwarded-For and X-Forwarded-Proto, which <see cref="Request"/> sets.
/// </summary>
public class ProxiedAppFactory : ArchiveAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, LoopbackConnections>());
    }

    /// <summary>A GET as the proxy forwards it for a client at <paramref name="clientAddress"/>.</summary>
    public static HttpRequestMessage Request(string url, string clientAddress = "203.0.113.10", bool https = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", https ? "https" : "http");
        return request;
    }

    /// <summary>TestServer leaves the remote address empty; a real proxy on this machine connects from loopback.</summary>
    private sealed class LoopbackConnections : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

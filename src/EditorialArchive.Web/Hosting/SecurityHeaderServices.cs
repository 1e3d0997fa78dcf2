using NetEscapades.AspNetCore.SecurityHeaders.Headers;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Security headers on every response (pages, feeds, sitemaps, errors, static files, cache hits, the desk): a
/// Content-Security-Policy without inline script or style (the views have none; JSON-LD blocks are data, which CSP
/// does not execute), no framing, no MIME sniffing, a referrer that never leaves the origin with a path, no powerful
/// browser features, and HSTS on HTTPS requests only (behind the trusted proxy, X-Forwarded-Proto decides).
/// </summary>
public static class SecurityHeaderServices
{
    public const int HstsMaxAgeSeconds = StrictTransportSecurityHeader.OneYearInSeconds;

    /// <summary>Right after forwarded headers, so that IsHttps is the client's and every later answer carries the headers.</summary>
    public static WebApplication UseArchiveSecurityHeaders(this WebApplication app)
    {
        app.UseSecurityHeaders(Policy());
        return app;
    }

    public static HeaderPolicyCollection Policy() => new HeaderPolicyCollection()
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
        // No excluded hosts: the proxy may reach the app as localhost while readers use the public name.
        .AddStrictTransportSecurity(HstsMaxAgeSeconds, includeSubdomains: false, preload: false, excludedHosts: [])
        .RemoveServerHeader()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            csp.AddStyleSrc().Self();
            // Pieces may show images from other sites (Markdown ![](https://…)); data: and javascript: never reach a page.
            csp.AddImgSrc().Self().From("https:");
            csp.AddFontSrc().Self();
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        })
        .AddPermissionsPolicy(p =>
        {
            p.AddAccelerometer().None();
            p.AddCamera().None();
            p.AddGeolocation().None();
            p.AddGyroscope().None();
            p.AddMagnetometer().None();
            p.AddMicrophone().None();
            p.AddPayment().None();
            p.AddUsb().None();
        });
}

using System.IO.Compression;
using EditorialArchive.Web.Configuration;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.ResponseCompression;

namespace EditorialArchive.Web.Seo;

/// <summary>Brotli and gzip for HTML, XML, feeds and JSON, except on pages that carry secrets.</summary>
public static class SeoCompression
{
    public static readonly string[] MimeTypes =
    [
        "text/html", "text/plain", "text/xml", "application/xml", "application/rss+xml", "application/atom+xml",
        "application/json", "application/ld+json",
    ];

    public static void Configure(ResponseCompressionOptions options)
    {
        // Public pages carry nothing secret, so compressing them over HTTPS is safe; pages with antiforgery
        // tokens (admin, sign-in) are excluded by path, which is what makes BREACH moot for them.
        options.EnableForHttps = true;
        options.MimeTypes = MimeTypes;
        options.Providers.Add<BrotliCompressionProvider>();
        options.Providers.Add<GzipCompressionProvider>();
    }

    public static void ConfigureLevels(BrotliCompressionProviderOptions brotli) => brotli.Level = CompressionLevel.Fastest;

    public static void ConfigureLevels(GzipCompressionProviderOptions gzip) => gzip.Level = CompressionLevel.Fastest;

    /// <summary>
    /// Whether a request's response stays uncompressed. An error page re-executed for an excluded address (an admin
    /// 404) is judged by the address asked for, not by the error page's own path.
    /// </summary>
    public static bool IsExcluded(HttpContext context, SeoOptions options) =>
        IsExcluded(context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? context.Request.Path, options);

    private static bool IsExcluded(PathString path, SeoOptions options) =>
        options.UncompressedPathPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}

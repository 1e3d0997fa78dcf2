using System.IO.Compression;
using EditorialArchive.Web.Configuration;
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

    public static bool IsExcluded(PathString path, SeoOptions options) =>
        options.UncompressedPathPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}

using EditorialArchive.Web.Configuration;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Articles;

/// <summary>
/// Absolute addresses for canonical links, feeds and print: the configured <c>Archive:SiteUrl</c>, else the
/// request's own scheme and host (which forwarded headers have already corrected behind a proxy).
/// </summary>
public sealed class AbsoluteUrls(IOptions<ArchiveOptions> options)
{
    private readonly string? siteUrl = string.IsNullOrWhiteSpace(options.Value.SiteUrl) ? null : options.Value.SiteUrl.TrimEnd('/');

    public string For(HttpRequest request, string path) =>
        (siteUrl ?? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}") + path;
}

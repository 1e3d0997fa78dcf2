using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EditorialArchive.Web.Seo;

/// <summary>The validators of one response: a strong ETag and the instant it last changed.</summary>
public sealed record ResponseValidators(EntityTagHeaderValue ETag, DateTimeOffset LastModified);

/// <summary>
/// Strong ETags, Last-Modified, Cache-Control and conditional requests for public responses. The ETag hashes
/// what the response depends on (the caller's version string), the address asked for, this build, the settings
/// that shape every page, and the content coding the compression middleware will pick, so each representation
/// (identity, gzip, br) has its own strong tag, as RFC 9110 wants of strong validators.
/// </summary>
public sealed class HttpCaching(
    IOptions<SeoOptions> seoOptions,
    IOptions<ArchiveOptions> archiveOptions,
    AbsoluteUrls absoluteUrls,
    IResponseCompressionProvider compression)
{
    private static readonly string BuildToken =
        typeof(HttpCaching).Assembly.ManifestModule.ModuleVersionId.ToString("N", CultureInfo.InvariantCulture);

    private readonly string settingsToken = string.Join('|',
        archiveOptions.Value.PublicationName, archiveOptions.Value.TimeZone, archiveOptions.Value.SiteUrl);

    public ResponseValidators Compute(HttpContext context, string dependsOn, DateTimeOffset lastModified)
    {
        var request = context.Request;
        var coding = SeoCompression.IsExcluded(context, seoOptions.Value)
            ? "identity"
            : compression.GetCompressionProvider(context)?.EncodingName ?? "identity";
        var input = string.Join('\n', BuildToken, settingsToken, absoluteUrls.For(request, ""),
            request.Path.ToUriComponent(), request.QueryString.ToUriComponent(), dependsOn, coding);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"", isWeak: false);
        return new ResponseValidators(tag, UtcInstant.Truncate(lastModified));
    }

    /// <summary>True when the client's copy is current: If-None-Match (preferred) or If-Modified-Since matches.</summary>
    public static bool IsNotModified(HttpRequest request, ResponseValidators validators)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } tags)
        {
            // RFC 9110 13.1.2: If-None-Match uses the weak comparison, and when present If-Modified-Since is ignored.
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(validators.ETag, useStrongComparison: false));
        }

        return headers.IfModifiedSince is { } since && validators.LastModified <= since;
    }

    /// <summary>Writes the validators and a CDN-friendly Cache-Control: short freshness, then revalidation by ETag.</summary>
    public void Apply(HttpResponse response, ResponseValidators validators)
    {
        var headers = response.GetTypedHeaders();
        headers.ETag = validators.ETag;
        headers.LastModified = validators.LastModified;
        var options = seoOptions.Value;
        response.Headers.CacheControl = string.Create(CultureInfo.InvariantCulture,
            $"public, max-age={options.CacheMaxAgeSeconds}, stale-while-revalidate={options.StaleWhileRevalidateSeconds}");
    }

    /// <summary>
    /// Answers 304 when the client's copy is current; otherwise runs the action and gives a rendered view the
    /// validators (redirects and error pages get none).
    /// </summary>
    public async Task RespondAsync(ActionExecutingContext context, ActionExecutionDelegate next, ResponseValidators validators)
    {
        var http = context.HttpContext;
        if (IsNotModified(http.Request, validators))
        {
            Apply(http.Response, validators);
            context.Result = new StatusCodeResult(StatusCodes.Status304NotModified);
            return;
        }

        var executed = await next();
        if (executed.Result is ViewResult && executed.Exception is null)
        {
            Apply(http.Response, validators);
        }
    }

    /// <summary>Sets the headers and tells whether to answer 304 Not Modified instead of a body.</summary>
    public bool ApplyAndCheck(HttpContext context, string dependsOn, DateTimeOffset lastModified)
    {
        var validators = Compute(context, dependsOn, lastModified);
        Apply(context.Response, validators);
        return IsNotModified(context.Request, validators);
    }
}

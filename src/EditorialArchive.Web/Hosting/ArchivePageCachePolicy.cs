using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Output caching for the public site. Every cache key carries the archive's change counter (archive_changes.version,
/// moved by triggers on every write to pieces, links and sections), read through <see cref="ArchiveVersionWatch"/>:
/// after a write by this process (desk, scheduler, seed import) the very next request misses and renders afresh;
/// after one by another process (CLI, a second instance) within 50 ms. Writers also evict the tag so that superseded
/// entries free their memory at once.
/// Only anonymous GETs of public pages that answer 200 without setting a cookie are stored; article sitemaps (megabytes,
/// streamed in constant memory) are not.
/// </summary>
public sealed class ArchivePageCachePolicy(ArchiveVersionWatch versions, ArchiveTime time, TimeProvider clock) : IOutputCachePolicy
{
    public const string Tag = "archive";

    private static readonly PathString[] NeverCached = ["/admin", "/account", "/healthz", "/error", "/sitemaps"];

    // Compression runs inside the cache: one entry per content coding asked for, stored already compressed.
    private static readonly StringValues VaryByHeaders = new([HeaderNames.AcceptEncoding, HeaderNames.AcceptLanguage]);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var eligible = HttpMethods.IsGet(request.Method)
            && !NeverCached.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            && request.Headers.Authorization.Count == 0;
        context.EnableOutputCaching = eligible;
        if (!eligible)
        {
            return ValueTask.CompletedTask;
        }

        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        // Only the query keys the page reads: ?x=1, ?x=2, … on a piece are one entry, so junk cannot fill the cache.
        context.CacheVaryByRules.QueryKeys = ArchivePageQueryKeys.For(request.Path);
        // With Archive:SiteUrl empty, absolute links are built from the Host header: a forged one gets its own entry
        // and never reaches another client.
        context.CacheVaryByRules.VaryByHost = true;
        context.CacheVaryByRules.HeaderNames = VaryByHeaders;
        context.CacheVaryByRules.VaryByValues["archive-version"] = versions.Current().ToString(System.Globalization.CultureInfo.InvariantCulture);
        // "On this day" and other date-relative parts change at the newsroom's midnight, with no write to the archive.
        context.CacheVaryByRules.VaryByValues["archive-date"] = time.ToLocal(clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0
            || context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

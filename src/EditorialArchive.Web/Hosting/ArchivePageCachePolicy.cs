using EditorialArchive.Web.Articles;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Output caching for the public site. Each page is tagged with what it shows (<see cref="ArchivePageTags"/>), and
/// <see cref="ArchivePageCache"/> evicts by those tags what a write changed: after a write by this process (desk,
/// scheduler, seed import) the pages that show it are rendered afresh on the very next request, after one by another
/// process (CLI, a second instance) within 50 ms, and every other page stays cached.
/// Only anonymous GETs of public pages that answer 200 without setting a cookie are stored, and only from a page's
/// second request while the first is remembered (<see cref="ArchivePageAdmission"/>: a crawler's pages, each asked once,
/// are not kept); article sitemaps (megabytes, streamed in constant memory) are not.
/// </summary>
public sealed class ArchivePageCachePolicy(ArchivePageCache pageCache, ArchivePageAdmission admission, ArchiveTime time, TimeProvider clock) : IOutputCachePolicy
{
    /// <summary>Evictions are targeted, so a page may stay as long as memory allows; the day's date is in the key.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromHours(24);

    private static readonly PathString[] NeverCached = ["/admin", "/account", "/healthz", "/error", "/sitemaps"];

    // Compression runs inside the cache: one entry per content coding asked for, stored already compressed.
    private static readonly StringValues VaryByHeaders = new([HeaderNames.AcceptEncoding, HeaderNames.AcceptLanguage]);

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var eligible = HttpMethods.IsGet(request.Method)
            && !NeverCached.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            && request.Headers.Authorization.Count == 0;
        context.EnableOutputCaching = eligible;
        if (!eligible)
        {
            return;
        }

        await pageCache.CatchUpAsync();

        // Only the query keys the page reads: ?x=1, ?x=2, … on a piece are one entry, so junk cannot fill the cache.
        var queryKeys = ArchivePageQueryKeys.For(request.Path);
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = admission.NoteAsked(request, queryKeys);
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Expiry;
        context.CacheVaryByRules.QueryKeys = queryKeys;
        // With Archive:SiteUrl empty, absolute links are built from the Host header: a forged one gets its own entry
        // and never reaches another client.
        context.CacheVaryByRules.VaryByHost = true;
        context.CacheVaryByRules.HeaderNames = VaryByHeaders;
        // "On this day" and other date-relative parts change at the newsroom's midnight, with no write to the archive.
        context.CacheVaryByRules.VaryByValues["archive-date"] = time.ToLocal(clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        context.Tags.Add(ArchivePageTags.Everything);
        context.Tags.Add(ArchivePageCache.GenerationTag(pageCache.Generation));
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
        else if (!ArchivePageTags.NamesWhatItShows(context))
        {
            context.Tags.Add(ArchivePageTags.Unspecific);
        }

        return ValueTask.CompletedTask;
    }
}

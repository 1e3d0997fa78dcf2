using System.Globalization;
using System.Threading.RateLimiting;
using EditorialArchive.Web.Configuration;
using Microsoft.AspNetCore.Diagnostics;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter, per client address (the proxy's X-Forwarded-For once trusted): a global limit on every
/// request that reaches it, and a tighter one on search. A refused request answers 429 with Retry-After and the
/// readable status page (re-executed under /error/429, which the limits let through).
/// </summary>
public static class RateLimitServices
{
    public const string SearchPolicy = "search";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RateLimitOptions.SectionName);
        services.AddOptions<RateLimitOptions>()
            .Bind(section)
            .Validate(o => o.RequestsPerMinute >= 1 && o.SearchesPerMinute >= 1, "RateLimits:RequestsPerMinute and RateLimits:SearchesPerMinute must be at least 1.")
            .ValidateOnStart();
        var options = section.Get<RateLimitOptions>() ?? new RateLimitOptions();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                AnnounceRetryAfter(context.HttpContext, context.Lease);
                return ValueTask.CompletedTask;
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsExempt(context)
                ? RateLimitPartition.GetNoLimiter("")
                : PerMinute(context, options.RequestsPerMinute));
            o.AddPolicy(SearchPolicy, context => PerMinute(context, options.SearchesPerMinute));
        });
        return services;
    }

    /// <summary>
    /// One window per client address. A request with no address (an in-process host) has no client to count it
    /// against: lumping all of them into one shared window would throttle everyone at once.
    /// </summary>
    private static RateLimitPartition<string> PerMinute(HttpContext context, int permits) =>
        context.Connection.RemoteIpAddress is not { } address
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetFixedWindowLimiter(address.ToString(), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });

    /// <summary>The status page of a refused request must render, and monitoring must see the health check.</summary>
    private static bool IsExempt(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null
        || context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Set as the answer starts: the status page is re-executed after the limiter, over a cleared response.</summary>
    private static void AnnounceRetryAfter(HttpContext context, RateLimitLease lease)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
    }
}

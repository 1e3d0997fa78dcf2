using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Degraded, not unhealthy, while Redis is unreachable: readers are still served (pages rendered uncached), so the
/// load balancer should keep the node; sign-in and desk forms need the shared keys and fail until it is back.
/// </summary>
public sealed class RedisHealthCheck(ArchiveRedis redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return HealthCheckResult.Degraded(Unreachable(redis));
        }

        try
        {
            var latency = await redis.Multiplexer.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis at {redis.Endpoints} answers in {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded(Unreachable(redis), ex);
        }
    }

    public static string Unreachable(ArchiveRedis redis) =>
        $"Redis at {redis.Endpoints} is unreachable: pages are rendered without the shared cache, and desk sign-in and forms fail until it is back.";
}

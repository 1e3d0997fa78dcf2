using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Output caching of public pages (see <see cref="ArchivePageCachePolicy"/>): in memory, or in the Redis all nodes
/// share when one is configured (behind <see cref="RedisOutputCacheFallback"/>).
/// </summary>
public static class PerformanceServices
{
    public static IServiceCollection AddPagePerformance(this IServiceCollection services, ArchiveRedis? redis)
    {
        services.AddOutputCache(o =>
        {
            o.AddBasePolicy(policy => policy.AddPolicy<ArchivePageCachePolicy>());
            // Larger responses (article sitemaps) stream past the cache instead of being held in memory.
            o.MaximumBodySize = 1024 * 1024;
            o.SizeLimit = 64 * 1024 * 1024;
            // /EN/… must reach the canonical-form redirect, not the cached /en/… page.
            o.UseCaseSensitivePaths = true;
        });
        if (redis is not null)
        {
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.InstanceName = redis.KeyPrefix + "pages:";
                o.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(redis.Multiplexer);
            });
        }

        services.AddSingleton<ArchivePageAdmission>();
        services.AddSingleton<ArchivePageCache>();
        services.AddSingleton<ArchivePageChangeWatch>();
        DecorateStore(services, redis is not null);
        return services;
    }

    /// <summary>Wraps the store registered last (in memory, or Redis) in <see cref="GenerationCheckedOutputCacheStore"/>.</summary>
    private static void DecorateStore(IServiceCollection services, bool shared)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(provider =>
        {
            var inner = registered.ImplementationInstance as IOutputCacheStore
                ?? registered.ImplementationFactory?.Invoke(provider) as IOutputCacheStore
                ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!);
            if (shared)
            {
                inner = ActivatorUtilities.CreateInstance<RedisOutputCacheFallback>(provider, inner);
            }

            return new GenerationCheckedOutputCacheStore(inner, provider.GetRequiredService<ArchivePageCache>, shared);
        });
    }
}

using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace EditorialArchive.Web.Hosting;

/// <summary>Output caching of public pages (see <see cref="ArchivePageCachePolicy"/>).</summary>
public static class PerformanceServices
{
    public static IServiceCollection AddPagePerformance(this IServiceCollection services)
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
        services.AddSingleton<ArchivePageAdmission>();
        services.AddSingleton<ArchivePageCache>();
        services.AddSingleton<ArchivePageChangeWatch>();
        DecorateStore(services);
        return services;
    }

    /// <summary>Wraps the store AddOutputCache registered (in memory, or another) in <see cref="GenerationCheckedOutputCacheStore"/>.</summary>
    private static void DecorateStore(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(provider => new GenerationCheckedOutputCacheStore(
            registered.ImplementationInstance as IOutputCacheStore
                ?? registered.ImplementationFactory?.Invoke(provider) as IOutputCacheStore
                ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
            provider.GetRequiredService<ArchivePageCache>));
    }
}

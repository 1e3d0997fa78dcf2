using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Seo;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Hosting;

/// <summary>Search-engine features: head metadata, sitemaps, feeds, HTTP validators, compression, canonical forms.</summary>
public static class SeoServices
{
    public static IServiceCollection AddSeo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SeoOptions>()
            .Bind(configuration.GetSection(SeoOptions.SectionName))
            .Validate(o => o.SitemapChunkSize is >= 1 and <= 50_000, "Seo:SitemapChunkSize must be between 1 and 50000 (the sitemap protocol's limit).")
            .Validate(o => o.NewsSitemapMaxItems is >= 1 and <= 1_000, "Seo:NewsSitemapMaxItems must be between 1 and 1000 (Google News' limit).")
            .Validate(o => o.NewsSitemapHours >= 1 && o.FeedItemCount >= 1, "Seo:NewsSitemapHours and Seo:FeedItemCount must be at least 1.")
            .Validate(o => o.CacheMaxAgeSeconds >= 0 && o.StaleWhileRevalidateSeconds >= 0, "Seo cache lifetimes cannot be negative.")
            .ValidateOnStart();
        services.AddSingleton<SeoRepository>();
        services.AddSingleton<HttpCaching>();
        services.AddSingleton<PageSeoBuilder>();
        services.AddResponseCompression(SeoCompression.Configure);
        services.Configure<BrotliCompressionProviderOptions>(SeoCompression.ConfigureLevels);
        services.Configure<GzipCompressionProviderOptions>(SeoCompression.ConfigureLevels);
        return services;
    }

    /// <summary>Early in the pipeline: HEAD runs as GET without a body (so it also finds cached pages).</summary>
    public static WebApplication UseHeadAsGet(this WebApplication app)
    {
        app.UseMiddleware<HeadRequestMiddleware>();
        return app;
    }

    /// <summary>
    /// Brotli/gzip except on excluded paths. Inside the output cache, so a cached page is stored once per content
    /// coding asked for and a hit is served already compressed, with no compression work per request.
    /// </summary>
    public static WebApplication UseSeoCompression(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SeoOptions>>().Value;
        app.UseWhen(context => !SeoCompression.IsExcluded(context, options), branch => branch.UseResponseCompression());
        return app;
    }

    /// <summary>After routing: 301 non-canonical forms (case, trailing slash) of addresses that lead somewhere.</summary>
    public static WebApplication UseCanonicalForms(this WebApplication app)
    {
        app.UseMiddleware<CanonicalFormMiddleware>();
        return app;
    }
}

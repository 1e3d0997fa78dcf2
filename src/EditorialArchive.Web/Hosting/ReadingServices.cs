using EditorialArchive.Web.Data;
using EditorialArchive.Web.Reading;

namespace EditorialArchive.Web.Hosting;

/// <summary>The reading side: browsing lists, archive counts, search, article extras.</summary>
public static class ReadingServices
{
    public static IServiceCollection AddReading(this IServiceCollection services)
    {
        services.AddSingleton<BrowseRepository>();
        services.AddSingleton<ArchiveCountsRepository>();
        services.AddSingleton<SearchRepository>();
        services.AddSingleton<NeighbourRepository>();
        services.AddSingleton<ArchiveCalendar>();
        services.AddSingleton<PieceListing>();
        services.AddSingleton<ArticleExtrasLoader>();
        services.AddSingleton<RelatedPiecesRepository>();
        services.AddSingleton<RelatedPiecesRefresh>();
        services.AddSingleton<RelatedPiecesRefresher>();
        services.AddHostedService(provider => provider.GetRequiredService<RelatedPiecesRefresher>());
        services.AddHostedService<ArchiveCountsZoneCheck>();
        return services;
    }
}

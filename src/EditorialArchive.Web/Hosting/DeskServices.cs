using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;

namespace EditorialArchive.Web.Hosting;

/// <summary>The editors' desk: pieces in every status, revisions, corrections and the scheduled publisher.</summary>
public static class DeskServices
{
    public static IServiceCollection AddDesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeskOptions>()
            .Bind(configuration.GetSection(DeskOptions.SectionName))
            .Validate(o => o.PublishCheckInterval > TimeSpan.Zero, "Desk:PublishCheckInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ArticleDeskRepository>();
        services.AddSingleton<ArticleRevisionRepository>();
        services.AddSingleton<ArticleCorrectionRepository>();
        services.AddSingleton<ArticleDesk>();
        services.AddHostedService<ScheduledPublisher>();
        return services;
    }
}

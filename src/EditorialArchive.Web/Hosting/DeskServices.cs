using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Controllers.Admin;
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
            .Validate(o => o.MaxFormBytes >= 64 * 1024, "Desk:MaxFormBytes must be at least 65536 (64 KB).")
            .Validate(o => o.MaxMarkdownNesting is > 0 and <= 100, "Desk:MaxMarkdownNesting must be between 1 and 100.")
            .ValidateOnStart();
        services.AddSingleton<ArticleDeskRepository>();
        services.AddSingleton<ArticleRevisionRepository>();
        services.AddSingleton<ArticleCorrectionRepository>();
        services.AddSingleton<SchedulerLeaseRepository>();
        services.AddSingleton<ArticleDesk>();
        services.AddSingleton<DeskFormLimitsFilter>();
        services.AddHostedService<ScheduledPublisher>();
        return services;
    }
}

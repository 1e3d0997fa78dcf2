using System.Globalization;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.Mvc.Filters;

namespace EditorialArchive.Web.Seo;

/// <summary>
/// On a list page (home, archive, section): ETag and Last-Modified from the archive-wide change counter, so the
/// page is revalidated cheaply and changes as soon as any piece does; 304 when the client's copy is current.
/// The newsroom's date is part of it too: "on this day" and date-relative parts change at local midnight.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ArchiveHttpCachingAttribute : Attribute, IFilterFactory
{
    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new ArchiveHttpCachingFilter(
            serviceProvider.GetRequiredService<SeoRepository>(),
            serviceProvider.GetRequiredService<HttpCaching>(),
            serviceProvider.GetRequiredService<ArchiveTime>(),
            serviceProvider.GetRequiredService<TimeProvider>());

    private sealed class ArchiveHttpCachingFilter(SeoRepository seo, HttpCaching caching, ArchiveTime time, TimeProvider clock) : IAsyncActionFilter
    {
        public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
        {
            var http = context.HttpContext;
            var change = await seo.GetArchiveChangeAsync(http.RequestAborted);
            var today = time.ToLocal(clock.GetUtcNow());
            var midnight = new DateTimeOffset(today.Date, today.Offset).ToUniversalTime();
            var dependsOn = string.Create(CultureInfo.InvariantCulture, $"{change.Version}|{today:yyyy-MM-dd}");
            var lastModified = change.ChangedAt > midnight ? change.ChangedAt : midnight;
            await caching.RespondAsync(context, next, caching.Compute(http, dependsOn, lastModified));
        }
    }
}

using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace EditorialArchive.Web.Seo;

/// <summary>
/// On a list page (home, archive, section): ETag and Last-Modified from the archive-wide change counter, so the
/// page is revalidated cheaply and changes as soon as any piece does; 304 when the client's copy is current.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ArchiveHttpCachingAttribute : Attribute, IFilterFactory
{
    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new ArchiveHttpCachingFilter(serviceProvider.GetRequiredService<SeoRepository>(), serviceProvider.GetRequiredService<HttpCaching>());

    private sealed class ArchiveHttpCachingFilter(SeoRepository seo, HttpCaching caching) : IAsyncActionFilter
    {
        public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
        {
            var http = context.HttpContext;
            var change = await seo.GetArchiveChangeAsync(http.RequestAborted);
            var validators = caching.Compute(http, change.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), change.ChangedAt);
            if (HttpCaching.IsNotModified(http.Request, validators))
            {
                caching.Apply(http.Response, validators);
                context.Result = new StatusCodeResult(StatusCodes.Status304NotModified);
                return;
            }

            var executed = await next();
            if (executed.Result is ViewResult && executed.Exception is null)
            {
                caching.Apply(http.Response, validators);
            }
        }
    }
}

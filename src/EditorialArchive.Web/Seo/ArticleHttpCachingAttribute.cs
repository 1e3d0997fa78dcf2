using System.Globalization;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace EditorialArchive.Web.Seo;

/// <summary>
/// On an article action (route values <c>id</c>, <c>lang</c>, <c>slug</c>): answers 410 Gone for a withdrawn piece,
/// and for a published one at its canonical address sets ETag, Last-Modified and Cache-Control and answers 304
/// when the client's copy is current, all from one small query before the page is loaded or rendered. The ETag
/// covers the piece, its counterpart and the archive's listing version, so a page that also shows other pieces
/// (previous/next, related) changes when their headlines, dates or statuses do, but not on their body edits.
/// The action keeps answering 404 and the 301s to the canonical address itself, which is also why the
/// canonical-form middleware leaves these addresses alone (one redirect, straight to the right slug).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ArticleHttpCachingAttribute : Attribute, IFilterFactory, ICanonicalizesItself
{
    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new ArticleHttpCachingFilter(serviceProvider.GetRequiredService<SeoRepository>(), serviceProvider.GetRequiredService<HttpCaching>());

    private sealed class ArticleHttpCachingFilter(SeoRepository seo, HttpCaching caching) : IAsyncActionFilter
    {
        public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
        {
            var http = context.HttpContext;
            if (!long.TryParse(context.RouteData.Values["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                await next();
                return;
            }

            var state = await seo.GetArticleStateAsync(id, http.RequestAborted);
            if (state is { IsWithdrawn: true })
            {
                context.Result = new StatusCodeResult(StatusCodes.Status410Gone);
                return;
            }

            if (state is not { IsPublished: true } || !IsCanonicalAddress(http.Request, state))
            {
                await next(); // the action answers 404 or redirects
                return;
            }

            var dependsOn = string.Join('|', state.Id, state.Version, UtcInstant.Format(state.ModifiedAt), state.Status,
                state.CounterpartId, state.CounterpartStatus, state.CounterpartVersion, state.CounterpartUrl, state.CounterpartTitle, state.ListingVersion);
            await caching.RespondAsync(context, next, caching.Compute(http, dependsOn, state.LastModified));
        }

        private static bool IsCanonicalAddress(HttpRequest request, ArticleState state) =>
            string.Equals(request.Path.Value, PathString.FromUriComponent(ArticleUrls.Article(state.Language, state.Id, state.Slug)).Value, StringComparison.Ordinal);
    }
}

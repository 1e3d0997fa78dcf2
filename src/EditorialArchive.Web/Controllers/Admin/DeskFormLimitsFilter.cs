using System.Globalization;
using EditorialArchive.Web.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Controllers.Admin;

/// <summary>
/// Reads the create/edit form up to <see cref="DeskOptions.MaxFormBytes"/> before antiforgery does, so that a field
/// over its own limit (a 10 MB body) is bound and refused beside the field with the text kept. A form larger than
/// that, or one the form reader refuses (too many fields, a broken body), is not read: the editor is sent back to the
/// form with <see cref="RefusedQuery"/>, whose page says why, instead of the framework's bare 400.
/// </summary>
public sealed class DeskFormLimitsFilter(IOptions<DeskOptions> options) : IAsyncAuthorizationFilter
{
    /// <summary>Runs before antiforgery (1000) and the framework's own form-limit filters (-2000).</summary>
    public const int Order = -3000;

    /// <summary>Query value of the form page after a form that was too large to read.</summary>
    public const string RefusedQuery = "refused=form-too-large";

    /// <summary>The form page's message for <see cref="RefusedQuery"/>.</summary>
    public static string RefusedMessage(long limit) =>
        $"The form you sent was too large to read (the desk takes at most {limit / (1024.0 * 1024.0):0.#} MB), so nothing of it was saved. "
        + "Go back in your browser to get your text, then shorten it: a body holds at most 200,000 characters.";

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return;
        }

        var limit = options.Value.MaxFormBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (request.ContentLength > limit)
        {
            context.Result = BackToForm(request);
            return;
        }

        var valueLimit = (int)Math.Min(limit, int.MaxValue);
        http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            ValueLengthLimit = valueLimit,
            MultipartBodyLengthLimit = limit,
            BufferBodyLengthLimit = limit,
        }));
        try
        {
            await request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            context.Result = BackToForm(request);
        }
    }

    /// <summary>To the form's own page (a GET of the same path), which shows <see cref="RefusedMessage"/>.</summary>
    private static RedirectResult BackToForm(HttpRequest request) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{request.PathBase}{request.Path}?{RefusedQuery}"));
}

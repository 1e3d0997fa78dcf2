using EditorialArchive.Web.Articles;

namespace EditorialArchive.Web.Seo;

/// <summary>Endpoint metadata: this endpoint redirects its own non-canonical addresses (in one hop).</summary>
public interface ICanonicalizesItself;

/// <summary>
/// 301s the non-canonical forms of public addresses (under <c>/en</c> and <c>/ko</c>) to their one canonical
/// form: lower case, no trailing slash, except the edition home, which is <c>/en/</c> with its slash. Runs after
/// routing, so only addresses that lead somewhere are redirected (unknown ones stay plain 404s).
/// </summary>
public sealed class CanonicalFormMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && context.GetEndpoint() is { } endpoint
            && endpoint.Metadata.GetMetadata<ICanonicalizesItself>() is null
            && CanonicalPath(request.Path.Value) is { } canonical)
        {
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = request.PathBase.ToUriComponent() + PathString.FromUriComponent(canonical).ToUriComponent() + request.QueryString.ToUriComponent();
            return Task.CompletedTask;
        }

        return next(context);
    }

    /// <summary>The canonical form of a public path, or null when it already is canonical (or is not public).</summary>
    public static string? CanonicalPath(string? path)
    {
        if (path is null || path.Length < 3 || path[0] != '/')
        {
            return null;
        }

        var language = path.Substring(1, 2).ToLowerInvariant();
        if (!Languages.IsSupported(language) || (path.Length > 3 && path[3] != '/'))
        {
            return null;
        }

        // Byline pages carry the byline as printed (names keep their capitals); the rest of a public path is lower case.
        var bylinePrefix = $"/{language}/bylines/";
        var canonical = path.StartsWith(bylinePrefix, StringComparison.OrdinalIgnoreCase)
            ? bylinePrefix + path[bylinePrefix.Length..]
            : path.ToLowerInvariant();
        if (canonical.Length == 3)
        {
            canonical += "/"; // /en -> /en/
        }
        else if (canonical.Length > 4)
        {
            canonical = canonical.TrimEnd('/');
        }

        return canonical == path ? null : canonical;
    }
}

/// <summary>
/// HEAD everywhere: MVC routes only match the methods they name, so a HEAD request runs as GET with its body
/// thrown away; status, headers (ETag, Content-Type, Content-Encoding) are those a GET would get.
/// </summary>
public sealed class HeadRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var originalBody = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = originalBody;
            context.Request.Method = HttpMethods.Head;
        }
    }
}

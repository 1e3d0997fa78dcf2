using System.Text;
using Dapper;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;

namespace EditorialArchive.Web.Import;

/// <summary>The addresses pieces had on the old site (<c>legacy_addresses</c>, migration 012), and their lookup.</summary>
public sealed class LegacyAddresses(SqliteConnectionFactory connections)
{
    /// <summary>
    /// The form a path is stored and looked up in: decoded (a browser sends Korean slugs percent-encoded, the export
    /// writes them decoded or not), NFC, without a trailing slash; a <c>?p=ID</c> query is kept as <c>/?p=ID</c>.
    /// </summary>
    public static string Normalize(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var (pathPart, queryPart) = query < 0 ? (path, "") : (path[..query], path[query..]);
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(pathPart);
        }
        catch (UriFormatException)
        {
            decoded = pathPart;
        }

        decoded = WellFormedText.Of(decoded).Normalize(NormalizationForm.FormC).TrimEnd('/');
        return (decoded.Length == 0 ? "/" : decoded) + queryPart;
    }

    private const string FindPublishedTargetSql = """
        SELECT a.id, a.language, a.slug
        FROM legacy_addresses l
        JOIN articles a ON a.id = l.article_id
        WHERE l.path = @Path AND a.status = 'published'
        """;

    /// <summary>The current address of the published piece that had this old address, or null.</summary>
    public async Task<string?> FindPublishedTargetAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var target = await connection.QuerySingleOrDefaultAsync<LegacyTarget>(
            new CommandDefinition(FindPublishedTargetSql, new { Path = path }, cancellationToken: cancellationToken));
        return target is null ? null : ArticleUrls.Article(target.Language, target.Id, target.Slug);
    }

    private sealed record LegacyTarget(long Id, string Language, string Slug);
}

/// <summary>
/// Answers the old site's addresses with a 301 to the piece's address here: a GET or HEAD that no route of the archive
/// matched, or the root with WordPress's <c>?p=ID</c>. Anything else goes on (a plain 404 stays a 404). One primary-key
/// read per such request.
/// </summary>
public sealed class LegacyAddressMiddleware(RequestDelegate next, LegacyAddresses addresses)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            var path = LegacyPath(context);
            if (path is not null && await addresses.FindPublishedTargetAsync(path, context.RequestAborted) is { } target)
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = request.PathBase.ToUriComponent() + target;
                return;
            }
        }

        await next(context);
    }

    private static string? LegacyPath(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var p = request.Query["p"];
        if (p.Count == 1 && long.TryParse(p[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return LegacyAddresses.Normalize(path) + "?p=" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Only addresses the archive has no route for: its own pages are never shadowed by an old site's.
        return context.GetEndpoint() is null && path.Length > 1 ? LegacyAddresses.Normalize(path) : null;
    }
}

public static class LegacyAddressServices
{
    public static IServiceCollection AddLegacyAddresses(this IServiceCollection services) => services.AddSingleton<LegacyAddresses>();

    /// <summary>After routing, so that it knows which addresses the archive answers itself.</summary>
    public static IApplicationBuilder UseLegacyAddresses(this IApplicationBuilder app) => app.UseMiddleware<LegacyAddressMiddleware>();
}

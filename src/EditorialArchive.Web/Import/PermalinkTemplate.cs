using System.Globalization;

namespace EditorialArchive.Web.Import;

/// <summary>
/// A WordPress permalink structure (Settings → Permalinks), such as <c>/%year%/%monthnum%/%postname%/</c>, filled in
/// for one post as WordPress does: from its local posting time, its slug, id, first category and author login.
/// </summary>
public sealed class PermalinkTemplate
{
    private static readonly string[] Tags = ["%year%", "%monthnum%", "%day%", "%hour%", "%minute%", "%second%", "%postname%", "%post_id%", "%category%", "%author%"];

    private readonly string template;

    public PermalinkTemplate(string template)
    {
        if (!template.StartsWith('/') || !Tags.Any(tag => template.Contains(tag, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"--permalinks '{template}' is not a WordPress permalink structure (e.g. /%year%/%monthnum%/%postname%/).");
        }

        var unknown = template.Split('%').Where((_, i) => i % 2 == 1).Select(tag => "%" + tag + "%").FirstOrDefault(tag => !Tags.Contains(tag));
        if (unknown is not null)
        {
            throw new ArgumentException($"--permalinks: unknown tag {unknown}; known are {string.Join(' ', Tags)}.");
        }

        this.template = template;
    }

    public string Expand(DateTime local, string postName, long postId, string category, string author) => template
        .Replace("%year%", local.ToString("yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("%monthnum%", local.ToString("MM", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("%day%", local.ToString("dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("%hour%", local.ToString("HH", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("%minute%", local.ToString("mm", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("%second%", local.ToString("ss", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("%post_id%", postId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("%category%", category, StringComparison.Ordinal)
        .Replace("%author%", author, StringComparison.Ordinal)
        .Replace("%postname%", postName, StringComparison.Ordinal);
}

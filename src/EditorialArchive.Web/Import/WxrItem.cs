namespace EditorialArchive.Web.Import;

/// <summary>One <c>&lt;category&gt;</c> of an item: its taxonomy (<c>domain</c>), slug (<c>nicename</c>) and name.</summary>
public sealed record WxrTerm(string Domain, string Nicename, string Name);

/// <summary>One <c>&lt;item&gt;</c> of a WordPress export, as written (nothing mapped yet).</summary>
public sealed class WxrItem
{
    public long PostId { get; set; }

    public string Title { get; set; } = "";

    public string? Link { get; set; }

    public string? Guid { get; set; }

    /// <summary>The author's login (<c>dc:creator</c>).</summary>
    public string? Creator { get; set; }

    public string Content { get; set; } = "";

    public string Excerpt { get; set; } = "";

    public string? PostDate { get; set; }

    public string? PostDateGmt { get; set; }

    public string? PostModified { get; set; }

    public string? PostModifiedGmt { get; set; }

    /// <summary>The slug, percent-encoded as WordPress stores non-ASCII slugs.</summary>
    public string PostName { get; set; } = "";

    public string Status { get; set; } = "";

    public string PostType { get; set; } = "";

    public string PostPassword { get; set; } = "";

    public List<WxrTerm> Terms { get; } = [];

    public List<KeyValuePair<string, string>> Meta { get; } = [];

    /// <summary>Where the item starts in the file, for messages.</summary>
    public int Line { get; set; }
}

/// <summary>What the export says about the site, read before its first item.</summary>
public sealed class WxrChannel
{
    public string? Title { get; set; }

    public string? Link { get; set; }

    public string? WxrVersion { get; set; }

    public string? BaseSiteUrl { get; set; }

    public string? BaseBlogUrl { get; set; }

    /// <summary>Display names by login (<c>wp:author</c>).</summary>
    public Dictionary<string, string> Authors { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The site's identity for <c>import_sources.source</c>: its blog URL, else site URL, else link.</summary>
    public string Source => (BaseBlogUrl ?? BaseSiteUrl ?? Link ?? "wordpress").TrimEnd('/');
}

/// <summary>The file is not a well-formed WordPress export; names the line and column.</summary>
public sealed class WxrFormatException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}

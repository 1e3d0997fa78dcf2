namespace EditorialArchive.Web.Configuration;

/// <summary>Settings under the <c>Archive</c> configuration section.</summary>
public sealed class ArchiveOptions
{
    public const string SectionName = "Archive";

    /// <summary>IANA or Windows time zone in which instants are shown to readers and editors.</summary>
    public string TimeZone { get; set; } = "Asia/Seoul";

    /// <summary>Import <c>seeds/</c> into an empty database at start-up.</summary>
    public bool ImportSeeds { get; set; } = true;

    /// <summary>Folder holding the seed pieces; empty means the <c>seeds</c> folder beside the app.</summary>
    public string SeedsPath { get; set; } = "";

    /// <summary>Public base URL (e.g. https://opinion.example.com); empty means the request's own.</summary>
    public string SiteUrl { get; set; } = "";

    /// <summary>Name of the publication, shown in the masthead.</summary>
    public string PublicationName { get; set; } = "Editorial Archive";

    /// <summary>IP addresses of reverse proxies whose X-Forwarded-* headers are trusted (loopback always is).</summary>
    public string[] KnownProxies { get; set; } = [];

    public string ResolveSeedsPath() =>
        string.IsNullOrWhiteSpace(SeedsPath) ? Path.Combine(AppContext.BaseDirectory, "seeds") : SeedsPath;
}

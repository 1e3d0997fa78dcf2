namespace EditorialArchive.Web.Configuration;

/// <summary>Settings under the <c>Archive</c> configuration section.</summary>
public sealed class ArchiveOptions
{
    public const string SectionName = "Archive";

    /// <summary>The value of <see cref="Database"/> that keeps the archive in one SQLite file (the default).</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The value of <see cref="Database"/> that keeps the archive in PostgreSQL (<c>ConnectionStrings:ArchivePostgres</c>).</summary>
    public const string Postgres = "postgres";

    /// <summary>Which database holds the archive: <c>sqlite</c> or <c>postgres</c>.</summary>
    public string Database { get; set; } = Sqlite;

    /// <summary>Whether <see cref="Database"/> names PostgreSQL.</summary>
    public bool UsesPostgres => Database == Postgres;

    /// <summary>Whether <paramref name="database"/> is a value <see cref="Database"/> accepts.</summary>
    public static bool IsKnownDatabase(string? database) => database is Sqlite or Postgres;

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

    /// <summary>
    /// StackExchange.Redis configuration (e.g. <c>redis.internal:6379,defaultDatabase=0</c>) shared by every node of
    /// the site: when set, data-protection keys (sign-in and antiforgery) and cached pages live there; empty means one
    /// node, with keys beside the database and the page cache in memory.
    /// </summary>
    public string Redis { get; set; } = "";

    /// <summary>Prefix of every Redis key the site writes, so several sites (or test runs) can share one server.</summary>
    public string RedisKeyPrefix { get; set; } = "editorial-archive:";

    public string ResolveSeedsPath() =>
        string.IsNullOrWhiteSpace(SeedsPath) ? Path.Combine(AppContext.BaseDirectory, "seeds") : SeedsPath;
}

namespace EditorialArchive.Web.Configuration;

/// <summary>Per-client-address request limits (section <c>RateLimits</c>); sign-in has its own, under <c>Accounts</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Requests one address may make per minute to anything the app renders (cached pages and /healthz excepted).</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Searches one address may run per minute (a search that misses the page cache costs a full-text query).</summary>
    public int SearchesPerMinute { get; set; } = 30;
}

namespace EditorialArchive.Web.ViewModels;

/// <summary>What the admin layout needs from every admin page.</summary>
public abstract class AdminPageViewModel
{
    public required string Title { get; init; }

    /// <summary>A one-line confirmation shown after a redirect (post/redirect/get).</summary>
    public string? Notice { get; init; }
}

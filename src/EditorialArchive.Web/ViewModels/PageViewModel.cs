namespace EditorialArchive.Web.ViewModels;

/// <summary>What the layout needs from every public page.</summary>
public abstract class PageViewModel
{
    /// <summary>Language of the page (<c>en</c> or <c>ko</c>), for <c>&lt;html lang&gt;</c> and the labels.</summary>
    public required string Language { get; init; }

    /// <summary>The document title.</summary>
    public required string Title { get; init; }

    /// <summary>Canonical, hreflang, Open Graph and JSON-LD for the head; null gives a self-canonical default.</summary>
    public PageSeo? Seo { get; init; }
}

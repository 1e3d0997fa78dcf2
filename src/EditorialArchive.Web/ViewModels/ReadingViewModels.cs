namespace EditorialArchive.Web.ViewModels;

/// <summary>A page of pieces with links to the newer and older pages (null where there are none).</summary>
public sealed record PieceListViewModel(IReadOnlyList<ArticleListItem> Pieces, string? NewerUrl, string? OlderUrl);

/// <summary>A list page: a section, a byline, or a month of the archive.</summary>
public sealed class ListingPageViewModel : PageViewModel
{
    public required string Heading { get; init; }

    /// <summary>What kind of list this is (Section, Byline, Archive), shown above the heading.</summary>
    public required string Kicker { get; init; }

    public required PieceListViewModel List { get; init; }

    /// <summary>A link back up (the year of a month page), if any.</summary>
    public NavLink? Up { get; init; }
}

public sealed record NavLink(string Url, string Text);

public sealed class ArchiveOverviewViewModel : PageViewModel
{
    public required IReadOnlyList<ArchiveYear> Years { get; init; }
}

public sealed record ArchiveYear(int Year, long Count, string Url, IReadOnlyList<ArchiveMonth> Months);

public sealed record ArchiveMonth(int Month, string Name, long Count, string? Url);

public sealed class ArchiveYearViewModel : PageViewModel
{
    public required ArchiveYear Year { get; init; }
    public NavLink? EarlierYear { get; init; }
    public NavLink? LaterYear { get; init; }
}

/// <summary>The search page: the form as the reader filled it, any input error, and a page of results.</summary>
public sealed class SearchPageViewModel : PageViewModel
{
    public required SearchFormViewModel Form { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
    public bool Searched { get; init; }
    public IReadOnlyList<SearchResultItem> Results { get; init; } = [];
    public int PageNumber { get; init; } = 1;

    /// <summary>The number of the first result on this page (21 on page 2).</summary>
    public int FirstNumber { get; init; } = 1;
    public string? PreviousPageUrl { get; init; }
    public string? NextPageUrl { get; init; }
}

public sealed record SearchFormViewModel(
    string Query, string Language, string Section, string From, string To, IReadOnlyList<NavLink> Sections);

/// <summary>A hit; the headline and snippet are HTML in which only &lt;mark&gt; is markup.</summary>
public sealed record SearchResultItem(string Url, string Language, string HeadlineHtml, string SnippetHtml, string SectionName, string? Byline, ShownInstant Posted);

/// <summary>What the article page shows below the piece: neighbours in its section, related pieces, citations.</summary>
public sealed record ArticleExtrasViewModel(
    NavLink? Previous, NavLink? Next, IReadOnlyList<NavLink> Related, string ApaHtml, string ChicagoHtml, string? BylineUrl);

namespace EditorialArchive.Web.ViewModels;

public sealed class ArticlePageViewModel : PageViewModel
{
    public required string Headline { get; init; }
    public required string SectionName { get; init; }
    public string? Byline { get; init; }
    public required ShownInstant Posted { get; init; }
    public required ShownInstant Updated { get; init; }
    public CounterpartLink? Counterpart { get; init; }
    public required string BodyHtml { get; init; }
    public required string Url { get; init; }
    public required string AbsoluteUrl { get; init; }

    /// <summary>Previous / next in the section, related pieces and citations; null where not loaded.</summary>
    public ArticleExtrasViewModel? Extras { get; init; }
    /// <summary>Public notes on what updates corrected, oldest first.</summary>
    public IReadOnlyList<CorrectionNote> Corrections { get; init; } = [];
}

/// <summary>An instant as printed (<c>December. 15, 2023 08:09</c>) and as machine-readable ISO-8601.</summary>
public sealed record ShownInstant(string Text, string Iso);

/// <summary>The link to the same piece in the other language, labelled in that language.</summary>
public sealed record CounterpartLink(string Url, string Language, string Label, string? Title);

/// <summary>A note shown under a piece: when it was updated and what was corrected.</summary>
public sealed record CorrectionNote(ShownInstant Noted, string Note);

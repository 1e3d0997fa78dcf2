namespace EditorialArchive.Web.Seeds;

/// <summary>A piece read from the page-text format of the English or Korean edition.</summary>
public sealed record SeedPage(
    string Language,
    string Headline,
    DateTimeOffset PostedAt,
    DateTimeOffset UpdatedAt,
    string? CounterpartLanguage,
    IReadOnlyList<string> Paragraphs);

public sealed class SeedFormatException(string message) : Exception(message);

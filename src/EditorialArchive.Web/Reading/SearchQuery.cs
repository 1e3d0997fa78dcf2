using System.Globalization;
using System.Text;

namespace EditorialArchive.Web.Reading;

/// <summary>
/// A reader's query as plain words, turned into a safe FTS5 MATCH expression. The text is never FTS syntax:
/// it is split into words at anything that is not a letter or digit (so quotes, <c>*</c>, <c>-</c>, parentheses
/// and <c>:</c> cannot reach FTS5), and each word becomes a double-quoted phrase; all words must match.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>Longer queries are cut here; more words add nothing a reader needs and cost time.</summary>
    public const int MaxLength = 200;

    public const int MaxTerms = 12;

    private const string WordColumns = "{headline byline body}";

    private SearchQuery(IReadOnlyList<SearchTerm> terms) => Terms = terms;

    public IReadOnlyList<SearchTerm> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchQuery Parse(string? text)
    {
        var normalized = SearchText.Normalize(text);
        if (normalized.Length > MaxLength)
        {
            normalized = normalized[..MaxLength];
        }

        var terms = new List<SearchTerm>();
        foreach (var word in Words(normalized))
        {
            foreach (var term in TermsOf(word))
            {
                if (terms.Count < MaxTerms && !terms.Contains(term))
                {
                    terms.Add(term);
                }
            }
        }

        return new SearchQuery(terms);
    }

    /// <summary>Whether some word is matched as a prefix (Porter-stemmed words of three letters or more).</summary>
    public bool HasPrefixTerms => Terms.Any(t => t.IsPrefix);

    /// <summary>
    /// The same words matched as whole (stemmed) tokens only. A prefix term makes FTS5 gather the postings of every
    /// token that starts with it before it can return a row (a quarter of a second for a common word in a million
    /// pieces); a whole token streams from the index newest first and stops early.
    /// </summary>
    public SearchQuery Exact() =>
        new([.. Terms.Select(t => t.IsPrefix ? t with { Kind = SearchTermKind.WholeWord } : t)]);

    /// <summary>
    /// Only the words that tell pieces apart, for finding related pieces: other words of four letters or more,
    /// and of each Korean word its first two syllables (the noun, most often, without its particle).
    /// </summary>
    public SearchQuery Significant() =>
        new([.. Terms
            .Where(t => t.Kind == SearchTermKind.Hangul || t.Text.Length >= 4)
            .Select(t => t.Kind == SearchTermKind.Hangul ? t with { Text = t.Text[..2] } : t)
            .Distinct()]);

    /// <summary>The MATCH expression: every term must match (FTS5's implicit AND).</summary>
    public string ToMatchExpression() => string.Join(" AND ", Terms.Select(t => t.ToMatchExpression()));

    /// <summary>Any term may match (for "related pieces").</summary>
    public string ToAnyMatchExpression() => string.Join(" OR ", Terms.Select(t => t.ToMatchExpression()));

    /// <summary>Words as FTS5's unicode61 tokenizer sees them: runs of letters, digits and combining marks.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordChar(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    private static bool IsWordChar(char ch) =>
        char.IsLetterOrDigit(ch)
        || CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>
    /// A word of Hangul syllables becomes a phrase of its bigrams (found inside longer words with particles);
    /// a word mixing scripts (G7에서) is split into its Hangul and other runs; other words are prefix terms.
    /// </summary>
    private static IEnumerable<SearchTerm> TermsOf(string word)
    {
        var runs = Runs(word).ToList();
        foreach (var (run, hangul) in runs)
        {
            if (hangul && run.Length >= 2)
            {
                yield return new SearchTerm(run, SearchTermKind.Hangul);
            }
            else if (hangul && runs.Count == 1)
            {
                yield return new SearchTerm(run, SearchTermKind.Word);
            }
            else if (!hangul)
            {
                yield return new SearchTerm(run, SearchTermKind.Word);
            }
        }
    }

    private static IEnumerable<(string Run, bool Hangul)> Runs(string word)
    {
        var start = 0;
        for (var i = 1; i <= word.Length; i++)
        {
            if (i == word.Length || HangulBigrams.IsSyllable(word[i]) != HangulBigrams.IsSyllable(word[start]))
            {
                yield return (word[start..i], HangulBigrams.IsSyllable(word[start]));
                start = i;
            }
        }
    }

    internal static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var ch in text)
        {
            builder.Append(ch);
            if (ch == '"')
            {
                builder.Append('"');
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>One word of the query.</summary>
    public sealed record SearchTerm(string Text, SearchTermKind Kind)
    {
        /// <summary>Shortest word matched as a prefix: "kor" finds Korea and Korean, "us" only "us".</summary>
        public const int MinPrefixLength = 3;

        /// <summary>A word of three letters or more, or a single Hangul syllable (the start of a Korean word).</summary>
        public bool IsPrefix => Kind == SearchTermKind.Word && (Text.Length >= MinPrefixLength || HangulBigrams.IsSyllable(Text[0]));

        public string ToMatchExpression() => Kind switch
        {
            SearchTermKind.Hangul => $"grams : {Quote(string.Join(' ', HangulBigrams.OfRun(Text)))}",
            _ when IsPrefix => $"{WordColumns} : {Quote(Text)}*",
            _ => $"{WordColumns} : {Quote(Text)}",
        };
    }
}

public enum SearchTermKind
{
    /// <summary>A word matched as a token (or token prefix) in headline, byline and body.</summary>
    Word,

    /// <summary>Two or more Hangul syllables, matched as a phrase of bigrams anywhere inside Korean words.</summary>
    Hangul,

    /// <summary>A word matched as a whole (stemmed) token only, never as a prefix (see <see cref="SearchQuery.Exact"/>).</summary>
    WholeWord,
}

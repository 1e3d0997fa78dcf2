using System.Text;
using EditorialArchive.Web.Reading;

namespace EditorialArchive.Tests.Unit;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("북한", "grams : \"북한\"")]
    [InlineData("북한이", "grams : \"북한 한이\"")]
    [InlineData("북", "{headline byline body} : \"북\"*")]
    [InlineData("Korea", "{headline byline body} : \"korea\"*")]
    [InlineData("us", "{headline byline body} : \"us\"")]
    [InlineData("G7에서", "{headline byline body} : \"g7\" AND grams : \"에서\"")]
    [InlineData("north -korea", "{headline byline body} : \"north\"* AND {headline byline body} : \"korea\"*")]
    [InlineData("NEAR(a b)", "{headline byline body} : \"near\"* AND {headline byline body} : \"a\" AND {headline byline body} : \"b\"")]
    [InlineData("\"quoted\" 'single'", "{headline byline body} : \"quoted\"* AND {headline byline body} : \"single\"*")]
    [InlineData("col:term", "{headline byline body} : \"col\"* AND {headline byline body} : \"term\"*")]
    [InlineData("buses buses", "{headline byline body} : \"buses\"*")]
    public void Reader_text_becomes_quoted_terms(string text, string expected) =>
        Assert.Equal(expected, SearchQuery.Parse(text).ToMatchExpression());

    [Theory]
    [InlineData("north korea", true, "{headline byline body} : \"north\" AND {headline byline body} : \"korea\"")]
    [InlineData("북한이 us", false, "grams : \"북한 한이\" AND {headline byline body} : \"us\"")]
    [InlineData("북", true, "{headline byline body} : \"북\"")]
    public void Exact_matches_whole_words_where_the_query_had_prefixes(string text, bool hadPrefixes, string expected)
    {
        var query = SearchQuery.Parse(text);

        Assert.Equal(hadPrefixes, query.HasPrefixTerms);
        Assert.False(query.Exact().HasPrefixTerms);
        Assert.Equal(expected, query.Exact().ToMatchExpression());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("* - ( ) \" ^ : {}")]
    public void Text_without_words_is_an_empty_query(string? text) =>
        Assert.True(SearchQuery.Parse(text).IsEmpty);

    [Fact]
    public void Decomposed_hangul_is_normalized_before_it_is_split()
    {
        var decomposed = "북한이".Normalize(NormalizationForm.FormD);

        Assert.Equal("grams : \"북한 한이\"", SearchQuery.Parse(decomposed).ToMatchExpression());
    }

    [Fact]
    public void Long_queries_are_cut_to_a_bounded_number_of_terms()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(1, 100).Select(i => $"word{i}")));

        Assert.Equal(SearchQuery.MaxTerms, query.Terms.Count);
    }

    [Fact]
    public void Related_queries_keep_long_words_and_the_first_two_syllables_of_korean_words()
    {
        Assert.Equal(
            "grams : \"북한\" OR grams : \"미사\" OR {headline byline body} : \"test\"*",
            SearchQuery.Parse("북한이 미사일을 또 the test").Significant().ToAnyMatchExpression());
    }

    [Theory]
    [InlineData("북한이 미사일을", "북한 한이 미사 사일 일을")]
    [InlineData("G7에서 한 번", "에서")]
    [InlineData("no hangul", "")]
    public void Hangul_runs_become_overlapping_bigrams(string text, string expected) =>
        Assert.Equal(expected, HangulBigrams.Of(text));
}

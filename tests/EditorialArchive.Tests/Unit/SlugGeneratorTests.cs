using EditorialArchive.Web.Articles;

namespace EditorialArchive.Tests.Unit;

public sealed class SlugGeneratorTests
{
    [Theory]
    [InlineData("S. Korea should prepare for U.S.-N. Korea potential developments", "s-korea-should-prepare-for-u-s-n-korea-potential-developments")]
    [InlineData("Trump\u2019s \u201cmade-up story\u201d", "trumps-made-up-story")]
    [InlineData("  Café au lait: Crème brûlée!  ", "cafe-au-lait-creme-brulee")]
    [InlineData("2024: The year of 3 elections", "2024-the-year-of-3-elections")]
    [InlineData("북한의 도발, 대비해야", "북한의-도발-대비해야")]
    [InlineData("[사설] 한미 동맹 70년", "사설-한미-동맹-70년")]
    [InlineData("Seoul 서울 AI 시대", "seoul-서울-ai-시대")]
    [InlineData("!!!", "article")]
    [InlineData("", "article")]
    public void Makes_lower_case_hyphenated_slugs(string headline, string expected)
    {
        Assert.Equal(expected, SlugGenerator.FromHeadline(headline));
        Assert.True(SlugGenerator.IsValid(expected));
    }

    [Fact]
    public void Decomposed_hangul_comes_out_composed()
    {
        var decomposed = "북한".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal("북한", SlugGenerator.FromHeadline(decomposed));
    }

    [Fact]
    public void Long_headlines_are_cut_at_a_word_boundary()
    {
        var headline = string.Join(' ', Enumerable.Repeat("editorial", 20));

        var slug = SlugGenerator.FromHeadline(headline);

        Assert.True(slug.Length <= SlugGenerator.MaxLength, slug);
        Assert.EndsWith("editorial", slug, StringComparison.Ordinal);
        Assert.True(SlugGenerator.IsValid(slug));
    }

    [Theory]
    [InlineData("Upper-Case")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("double--hyphen")]
    [InlineData("white space")]
    [InlineData("slash/inside")]
    [InlineData("")]
    public void Rejects_slugs_it_would_never_make(string slug) => Assert.False(SlugGenerator.IsValid(slug));
}

using BenchmarkDotNet.Attributes;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Reading;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.MicroBenchmarks;

/// <summary>The queries behind the article page, the front page and search, on the generated archive (pooled connections).</summary>
[MemoryDiagnoser]
public class RepositoryBenchmarks : IDisposable
{
    private static readonly SearchFilters AnyLanguage = new(null, null, null, null);
    private BenchmarkArchive archive = null!;
    private ArticleRepository articles = null!;
    private BrowseRepository browse = null!;
    private SearchRepository search = null!;
    private long pieceId;
    private SearchQuery relatedQuery = null!;

    [GlobalSetup]
    public void Setup()
    {
        archive = BenchmarkArchive.Open();
        var services = archive.Services;
        articles = services.GetRequiredService<ArticleRepository>();
        browse = services.GetRequiredService<BrowseRepository>();
        search = services.GetRequiredService<SearchRepository>();
        var piece = archive.MiddlePiece(Languages.English);
        pieceId = piece.Id;
        relatedQuery = SearchQuery.Parse(piece.Headline).Significant();
    }

    [Benchmark]
    public Task<PublishedArticle?> GetPublishedById() => articles.GetPublishedByIdAsync(pieceId, CancellationToken.None);

    /// <summary>The article page's "related pieces": any of the headline's significant words, best 3.</summary>
    [Benchmark]
    public Task<IReadOnlyList<LinkedPiece>> ListRelated() =>
        search.ListRelatedAsync(pieceId, Languages.English, relatedQuery, 3, CancellationToken.None);

    [Benchmark]
    public Task<PiecePage> ListLatestPage() =>
        browse.ListLatestPageAsync(Languages.English, new PageRequest(null, null, 20), CancellationToken.None);

    [Benchmark]
    public Task<IReadOnlyList<SearchHit>> SearchEnglish() =>
        search.SearchPublishedAsync(SearchQuery.Parse("inflation"), AnyLanguage, 0, 20, CancellationToken.None);

    [Benchmark]
    public Task<IReadOnlyList<SearchHit>> SearchKoreanTwoSyllables() =>
        search.SearchPublishedAsync(SearchQuery.Parse("정부"), AnyLanguage, 0, 20, CancellationToken.None);

    [GlobalCleanup]
    public void Dispose()
    {
        archive.Dispose();
        GC.SuppressFinalize(this);
    }
}

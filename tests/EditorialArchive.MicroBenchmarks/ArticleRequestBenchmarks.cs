using BenchmarkDotNet.Attributes;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.MicroBenchmarks;

/// <summary>
/// A whole article-page request through the in-process test server (routing, filters, Razor, compression off):
/// served from the output cache, and rendered afresh (the cache emptied before each request, so every request misses;
/// query values the page does not read no longer make new entries).
/// </summary>
[MemoryDiagnoser]
public class ArticleRequestBenchmarks : IDisposable
{
    private BenchmarkArchive archive = null!;
    private HttpClient client = null!;
    private string url = "";
    private IOutputCacheStore store = null!;

    [GlobalSetup]
    public void Setup()
    {
        archive = BenchmarkArchive.Open();
        client = archive.CreateClient();
        store = archive.Services.GetRequiredService<IOutputCacheStore>();
        url = archive.MiddlePiece(Languages.English).Url;
        // Twice: the output cache stores a page from its second request (ArchivePageAdmission).
        client.GetByteArrayAsync(new Uri(url, UriKind.Relative)).GetAwaiter().GetResult();
        client.GetByteArrayAsync(new Uri(url, UriKind.Relative)).GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<byte[]> ArticleCacheHit() => client.GetByteArrayAsync(new Uri(url, UriKind.Relative));

    [Benchmark]
    public async Task<byte[]> ArticleCacheMiss()
    {
        await store.EvictByTagAsync(ArchivePageTags.Everything, CancellationToken.None);
        return await client.GetByteArrayAsync(new Uri(url, UriKind.Relative));
    }

    [GlobalCleanup]
    public void Dispose()
    {
        client.Dispose();
        archive.Dispose();
        GC.SuppressFinalize(this);
    }
}

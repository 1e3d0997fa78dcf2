using BenchmarkDotNet.Attributes;
using EditorialArchive.Web.Articles;

namespace EditorialArchive.MicroBenchmarks;

/// <summary>
/// A whole article-page request through the in-process test server (routing, filters, Razor, compression off):
/// served from the output cache, and rendered afresh (a new query value each time, so every request misses).
/// </summary>
[MemoryDiagnoser]
public class ArticleRequestBenchmarks : IDisposable
{
    private BenchmarkArchive archive = null!;
    private HttpClient client = null!;
    private string url = "";
    private long miss;

    [GlobalSetup]
    public void Setup()
    {
        archive = BenchmarkArchive.Open();
        client = archive.CreateClient();
        url = archive.MiddlePiece(Languages.English).Url;
        client.GetByteArrayAsync(new Uri(url, UriKind.Relative)).GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<byte[]> ArticleCacheHit() => client.GetByteArrayAsync(new Uri(url, UriKind.Relative));

    [Benchmark]
    public Task<byte[]> ArticleCacheMiss() => client.GetByteArrayAsync(new Uri($"{url}?miss={Interlocked.Increment(ref miss)}", UriKind.Relative));

    [GlobalCleanup]
    public void Dispose()
    {
        client.Dispose();
        archive.Dispose();
        GC.SuppressFinalize(this);
    }
}

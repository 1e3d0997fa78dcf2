using BenchmarkDotNet.Attributes;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Seo;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.MicroBenchmarks;

/// <summary>CPU work of a page outside the database: a typical body through Markdig, and a strong ETag.</summary>
[MemoryDiagnoser]
public class RenderingBenchmarks : IDisposable
{
    private BenchmarkArchive archive = null!;
    private MarkdownRenderer markdown = null!;
    private HttpCaching caching = null!;
    private DefaultHttpContext request = null!;
    private string body = "";

    [GlobalSetup]
    public void Setup()
    {
        archive = BenchmarkArchive.Open();
        markdown = archive.Services.GetRequiredService<MarkdownRenderer>();
        caching = archive.Services.GetRequiredService<HttpCaching>();
        // A generated English piece: 400–1,200 words in paragraphs, some emphasis and a quotation.
        body = archive.MiddlePieceBody("en");
        request = new DefaultHttpContext { RequestServices = archive.Services };
        request.Request.Scheme = "https";
        request.Request.Host = new HostString("opinion.example.com");
        request.Request.Path = "/en/articles/12345/a-typical-headline";
        request.Request.Headers.AcceptEncoding = "br, gzip";
    }

    [Benchmark]
    public string RenderMarkdown() => markdown.RenderHtml(body);

    [Benchmark]
    public ResponseValidators ComputeETag() =>
        caching.Compute(request, "12345:3:2026-11-30T01:02:03Z|12346:1|812", new DateTimeOffset(2026, 11, 30, 1, 2, 3, TimeSpan.Zero));

    [GlobalCleanup]
    public void Dispose()
    {
        archive.Dispose();
        GC.SuppressFinalize(this);
    }
}

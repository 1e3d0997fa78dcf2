using System.Globalization;
using Dapper;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Generation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditorialArchive.MicroBenchmarks;

/// <summary>
/// The archive the benchmarks read: a generated SQLite file (EA_BENCH_DB, else 20,000 pieces generated once into the
/// temp folder and reused by later runs and by every benchmark process), served by the real app in process.
/// </summary>
public sealed class BenchmarkArchive : WebApplicationFactory<Program>
{
    public const int GeneratedPieces = 20_000;

    private BenchmarkArchive(string path) => DatabasePath = path;

    public string DatabasePath { get; }

    public static BenchmarkArchive Open() => new(EnsureDatabase());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Archive", $"Data Source={DatabasePath}");
        builder.UseSetting("Archive:ImportSeeds", "false");
        // Request logging to the console would measure the console.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    /// <summary>A published piece in the middle of the archive, in <paramref name="language"/>: its id, address and headline.</summary>
    public (long Id, string Url, string Headline) MiddlePiece(string language)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly");
        var piece = connection.QueryFirst<(long Id, string Slug, string Headline)>(
            "SELECT id, slug, headline FROM articles WHERE status = 'published' AND language = @Language ORDER BY id LIMIT 1 OFFSET @Offset",
            new { Language = language, Offset = GeneratedPieces / 4 });
        return (piece.Id, ArticleUrls.Article(language, piece.Id, piece.Slug), piece.Headline);
    }

    /// <summary>The Markdown body of the piece <see cref="MiddlePiece"/> finds.</summary>
    public string MiddlePieceBody(string language)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly");
        return connection.QueryFirst<string>("SELECT body_markdown FROM articles WHERE id = @Id", new { MiddlePiece(language).Id });
    }

    private static string EnsureDatabase()
    {
        var configured = Environment.GetEnvironmentVariable("EA_BENCH_DB");
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.GetFullPath(configured);
        }

        var folder = Path.Combine(Path.GetTempPath(), "editorial-archive-microbench");
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"archive-{GeneratedPieces}.db"));
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        var partial = path + ".partial";
        File.Delete(partial);
        Generate(partial).GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Move(partial, path);
        return path;
    }

    private static async Task Generate(string path)
    {
        Console.WriteLine($"// Generating {GeneratedPieces:N0} pieces into {path} (once)");
        var connections = new SqliteConnectionFactory($"Data Source={path}");
        await new MigrationRunner(connections, NullLogger<MigrationRunner>.Instance).ApplyAsync(Migration.LoadEmbedded(), CancellationToken.None);
        await new ArchiveGenerator(connections, new MarkdownRenderer(), TimeProvider.System)
            .GenerateAsync(GeneratedPieces, seed: 1, progress: null, CancellationToken.None);
    }
}

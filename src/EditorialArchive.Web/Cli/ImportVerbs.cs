using System.Diagnostics;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Export;
using EditorialArchive.Web.Hosting;
using EditorialArchive.Web.Seeds;
using Microsoft.AspNetCore.Identity;

namespace EditorialArchive.Web.Cli;

/// <summary><c>import pages DIR</c> and <c>import ndjson FILE</c> (see Export/README.md).</summary>
public static class ImportVerbs
{
    public const string Usage = """
        import pages DIR [--db PATH]     page-text files in the seeds' format, listed by DIR/manifest.json; all or nothing
        import ndjson FILE [--db PATH]   an 'export ndjson' file (- for standard input) into an empty archive; all or nothing
        import wordpress FILE.xml …      a WordPress export (WXR); 'import wordpress' alone lists its options
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        if (args.FirstOrDefault() == "wordpress")
        {
            return await WordPressImportVerb.RunAsync(services, args[1..], cancellationToken);
        }

        if (args.Length < 2 || args[0] is not ("pages" or "ndjson") || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var options = CliArguments.Parse(args.Skip(2), flags: []);
        var connections = CliDatabase.Connections(services, options.Optional("--db"));
        await CliDatabase.MigrateAsync(services, connections, cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        if (args[0] == "pages")
        {
            var pages = new SeedImporter(
                connections,
                new ArticleRepository(connections, services.GetRequiredService<TimeProvider>()),
                services.GetRequiredService<SeedPageParser>(),
                services.GetRequiredService<MarkdownRenderer>(),
                services.GetRequiredService<ArchivePageCache>(),
                services.GetRequiredService<ILogger<SeedImporter>>());
            var imported = await pages.ImportAsync(Path.GetFullPath(args[1]), cancellationToken);
            Console.WriteLine($"Imported {imported} pieces from {args[1]}.");
            return 0;
        }

        var importer = new NdjsonImporter(connections, services.GetRequiredService<IPasswordHasher<EditorAccount>>());
        ImportSummary summary;
        await using (var input = args[1] == "-" ? Console.OpenStandardInput() : OpenExport(args[1]))
        {
            summary = await importer.ImportAsync(input, cancellationToken);
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"Imported {summary.TotalRows:N0} rows ({summary.Pieces:N0} pieces) from {args[1]} in {seconds:F1} s ({summary.Pieces / Math.Max(seconds, 0.001):N0} pieces/s).");
        if (summary.AccountsWithoutPassword > 0)
        {
            Console.WriteLine($"{summary.AccountsWithoutPassword} accounts came without passwords and cannot sign in until each is given one: users set-password --email EMAIL");
        }

        return 0;
    }

    private static FileStream OpenExport(string path) => File.Exists(path)
        ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan | FileOptions.Asynchronous)
        : throw new ArgumentException($"There is no file {path}.");
}

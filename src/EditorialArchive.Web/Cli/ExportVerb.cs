using System.Diagnostics;
using EditorialArchive.Web.Export;

namespace EditorialArchive.Web.Cli;

/// <summary><c>export ndjson [--to FILE] [--with-accounts] [--db PATH]</c>: the whole archive as NDJSON (see Export/README.md).</summary>
public static class ExportVerb
{
    public const string Usage = """
        export ndjson [--to FILE] [--with-accounts] [--db PATH]
        Writes every piece, revision, link, former slug, correction, section, account and audit entry as NDJSON,
        to FILE (which must not exist yet) or to standard output. Accounts are exported without their password
        hashes unless --with-accounts is given.
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        if (args.FirstOrDefault() != "ndjson")
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var options = CliArguments.Parse(args.Skip(1), flags: ["--with-accounts"]);
        var exporter = new NdjsonExporter(CliDatabase.Connections(services, options.Optional("--db")));
        var stopwatch = Stopwatch.StartNew();
        var target = options.Optional("--to");
        ExportSummary summary;
        if (target is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            summary = await exporter.ExportAsync(stdout, options.Has("--with-accounts"), cancellationToken);
        }
        else
        {
            summary = await ExportToFileAsync(exporter, Path.GetFullPath(target), options.Has("--with-accounts"), cancellationToken);
        }

        // Standard output may be the export itself: the summary goes to standard error.
        var seconds = stopwatch.Elapsed.TotalSeconds;
        await Console.Error.WriteLineAsync(
            $"Exported {summary.TotalRows:N0} rows ({summary.Pieces:N0} pieces) to {target ?? "standard output"} in {seconds:F1} s ({summary.Pieces / Math.Max(seconds, 0.001):N0} pieces/s).");
        return 0;
    }

    /// <summary>Writes beside the target and renames at the end, so an interrupted export never looks like a finished one.</summary>
    private static async Task<ExportSummary> ExportToFileAsync(NdjsonExporter exporter, string path, bool withAccounts, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            throw new ArgumentException($"{path} exists already; export to a new file.");
        }

        var partial = path + ".partial";
        try
        {
            ExportSummary summary;
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous))
            {
                summary = await exporter.ExportAsync(file, withAccounts, cancellationToken);
            }

            File.Move(partial, path);
            return summary;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }
}

using System.Globalization;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Generation;

namespace EditorialArchive.Web.Cli;

/// <summary><c>generate --count N [--db PATH] [--seed S]</c>: fills a new database with generated pieces for load tests.</summary>
public static class GenerateVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var options = CliArguments.Parse(args, []);
        if (!long.TryParse(options.Required("--count"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw new ArgumentException("--count must be a whole number of at least 1.");
        }

        var seed = 1;
        if (options.Optional("--seed") is { } seedText && !int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
        {
            throw new ArgumentException("--seed must be a whole number.");
        }

        var connections = CliDatabase.Connections(services, options.Optional("--db"));
        await CliDatabase.MigrateAsync(services, connections, cancellationToken);
        var generator = new ArchiveGenerator(connections, services.GetRequiredService<MarkdownRenderer>(), services.GetRequiredService<TimeProvider>());
        Console.WriteLine($"Generating {count:N0} pieces into {connections.DataSource}");
        var progress = new GenerationProgress(count);
        var written = await generator.GenerateAsync(count, seed, progress, cancellationToken);
        Console.WriteLine($"Wrote {written:N0} pieces in {progress.Elapsed.TotalSeconds:F1} s ({written / progress.Elapsed.TotalSeconds:N0} pieces/s), search index and archive counts included.");
        return 0;
    }
}

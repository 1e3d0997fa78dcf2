using System.Diagnostics;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Hosting;
using EditorialArchive.Web.Import;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace EditorialArchive.Web.Cli;

/// <summary><c>import wordpress FILE.xml</c> (see Import/README.md).</summary>
public static class WordPressImportVerb
{
    public const string Usage = """
        import wordpress FILE.xml [--section-map 사설=editorial,칼럼=column] [--default-section SLUG]
                         [--permalinks "/%year%/%monthnum%/%postname%/"] [--site-zone ZONE] [--dry-run] [--db PATH]
        A WordPress export (Tools → Export, WXR 1.1/1.2) into the archive, all or nothing; again with the same or a
        newer file, it updates what changed and adds nothing twice.
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        if (args.Length < 1 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var file = args[0];
        var arguments = CliArguments.Parse(args.Skip(1), flags: ["--dry-run"]);
        var archiveZone = services.GetRequiredService<IOptions<ArchiveOptions>>().Value.TimeZone;
        var options = new WordPressImportOptions
        {
            SectionMap = ParseSectionMap(arguments.Optional("--section-map")),
            DefaultSection = arguments.Optional("--default-section") ?? "column",
            SiteZone = FindZone(arguments.Optional("--site-zone") ?? archiveZone),
            Permalinks = arguments.Optional("--permalinks"),
            DryRun = arguments.Has("--dry-run"),
        };
        if (options.Permalinks is { } permalinks)
        {
            _ = new PermalinkTemplate(permalinks); // refuses a malformed structure before anything is read
        }

        if (!File.Exists(file))
        {
            throw new ArgumentException($"There is no file {file}.");
        }

        var connections = CliDatabase.Connections(services, arguments.Optional("--db"));
        await CliDatabase.MigrateAsync(services, connections, cancellationToken);
        var importer = new WordPressImporter(
            connections,
            new ArticleRevisionRepository(connections, services.GetRequiredService<TimeProvider>()),
            new ArticleDeskRepository(connections, services.GetRequiredService<TimeProvider>()),
            services.GetRequiredService<MarkdownRenderer>(),
            services.GetRequiredService<ArchivePageCache>(),
            services.GetRequiredService<TimeProvider>());
        var stopwatch = Stopwatch.StartNew();
        await using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        WordPressImportReport report;
        if (!Console.IsOutputRedirected && !Console.IsErrorRedirected)
        {
            report = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Importing {Path.GetFileName(file)}", maxValue: Math.Max(1, input.Length));
                    var result = await importer.ImportAsync(input, options, items =>
                    {
                        task.Value = input.Position;
                        task.Description = $"Importing {Path.GetFileName(file)}: {items:N0} items";
                    }, cancellationToken);
                    task.Value = task.MaxValue;
                    return result;
                });
        }
        else
        {
            report = await importer.ImportAsync(input, options, items =>
            {
                if (items % 1000 == 0)
                {
                    Console.Error.WriteLine($"{items:N0} items read ({input.Position * 100 / Math.Max(1, input.Length)}% of the file, {stopwatch.Elapsed.TotalSeconds:F0} s)");
                }
            }, cancellationToken);
        }

        Console.Write(report.Format(file, stopwatch.Elapsed));
        return 0;
    }

    /// <summary><c>사설=editorial,칼럼=column</c>: category name or slug → section slug.</summary>
    public static Dictionary<string, string> ParseSectionMap(string? text)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new ArgumentException($"--section-map: '{entry}' is not CATEGORY=section (e.g. 사설=editorial,칼럼=column).");
            }

            map[parts[0]] = parts[1];
        }

        // A category named like a section (editorial, column, op-ed, letters) goes there without an entry.
        foreach (var section in new[] { "editorial", "column", "op-ed", "letters" })
        {
            map.TryAdd(section, section);
        }

        return map;
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ArgumentException($"--site-zone: there is no time zone '{id}' (e.g. Asia/Seoul, UTC).");
        }
    }
}

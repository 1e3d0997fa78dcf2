using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Export;
using EditorialArchive.Web.Import;
using EditorialArchive.Web.Seeds;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Cli;

/// <summary>Maintenance verbs: <c>dotnet run --project src/EditorialArchive.Web -- VERB …</c>.</summary>
public static class CliVerbs
{
    private static readonly Dictionary<string, (string Help, Func<IServiceProvider, string[], CancellationToken, Task<int>> Run)> Verbs =
        new(StringComparer.Ordinal)
        {
            ["migrate"] = ("apply pending schema migrations and exit", MigrateAsync),
            ["import-seeds"] = ("apply migrations, then import seeds/ if the archive is empty", ImportSeedsAsync),
            ["generate"] = ("generate --count N [--db PATH] [--seed S]: fill a new database with generated pieces (load tests)", GenerateVerb.RunAsync),
            ["export"] = ("export ndjson [--to FILE] [--with-accounts] [--db PATH]: the whole archive as NDJSON (Export/README.md)", ExportVerb.RunAsync),
            ["import"] = ("import pages DIR | import ndjson FILE | import wordpress FILE.xml [options] [--db PATH]: page-text files with a manifest, an export into an empty archive, or a WordPress export (Import/README.md)", ImportVerbs.RunAsync),
            ["backup"] = ("backup --to PATH [--db PATH]: a checked copy of the archive while the site serves (Data/DURABILITY.md)", BackupVerbs.BackupAsync),
            ["restore"] = ("restore --from PATH [--db PATH]: replace the archive with a checked backup; only while no instance runs", BackupVerbs.RestoreAsync),
            ["check"] = ("check [--db PATH]: integrity_check, search index, month counts, change counters, half-written pieces", BackupVerbs.CheckAsync),
            ["users"] = ("manage editor accounts (users add|list|disable|enable|set-password; see 'users help')", UserVerbs.RunAsync),
            ["help"] = ("list the verbs", (_, _, _) => Task.FromResult(PrintHelp())),
        };

    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (!Verbs.TryGetValue(args[0], out var verb))
        {
            await Console.Error.WriteLineAsync($"Unknown verb '{args[0]}'.");
            PrintHelp();
            return 2;
        }

        // On PostgreSQL only the schema is ported: every other verb works on SQLite repositories.
        if (app.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value.UsesPostgres && args[0] is not ("migrate" or "help"))
        {
            await Console.Error.WriteLineAsync(
                $"'{args[0]}' is not ported to PostgreSQL yet (Archive:Database=postgres); only 'migrate' is. Set Archive:Database=sqlite to use it.");
            return 1;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            return await verb.Run(app.Services, args[1..], cancellation.Token);
        }
        catch (Exception ex) when (ex is MigrationException or SeedFormatException or NdjsonImportException or WxrFormatException or ArgumentException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static int PrintHelp()
    {
        Console.WriteLine("Usage: dotnet run --project src/EditorialArchive.Web -- VERB [options]");
        foreach (var (name, verb) in Verbs)
        {
            Console.WriteLine($"  {name,-14} {verb.Help}");
        }

        return 0;
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<ArchiveOptions>>().Value;
        var applied = options.UsesPostgres
            ? await MigratePostgresAsync(services, options, cancellationToken)
            : await services.GetRequiredService<MigrationRunner>().ApplyAsync(Migration.LoadEmbedded(), cancellationToken);
        Console.WriteLine(applied.Count == 0 ? "The schema is up to date." : $"Applied: {string.Join(", ", applied)}");
        return 0;
    }

    private static async Task<IReadOnlyList<string>> MigratePostgresAsync(IServiceProvider services, ArchiveOptions options, CancellationToken cancellationToken)
    {
        var applied = await services.GetRequiredService<PostgresMigrationRunner>().ApplyAsync(Migration.LoadEmbeddedPostgres(), cancellationToken);
        await services.GetRequiredService<PostgresArchiveSettings>().WriteZoneAsync(ArchiveSqlFunctions.ZoneOrDefault(options.TimeZone), cancellationToken);
        return applied;
    }

    private static async Task<int> ImportSeedsAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<MigrationRunner>().ApplyAsync(Migration.LoadEmbedded(), cancellationToken);
        var options = services.GetRequiredService<IOptions<ArchiveOptions>>().Value;
        var imported = await services.GetRequiredService<SeedImporter>().ImportIfEmptyAsync(options.ResolveSeedsPath(), cancellationToken);
        Console.WriteLine(imported == 0 ? "The archive already holds pieces; nothing imported." : $"Imported {imported} pieces.");
        return 0;
    }
}

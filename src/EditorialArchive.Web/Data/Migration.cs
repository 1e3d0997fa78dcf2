using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace EditorialArchive.Web.Data;

/// <summary>One numbered schema script, e.g. <c>001_articles.sql</c>.</summary>
public sealed partial record Migration(int Number, string Name, string Sql)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>Reads a migration from a file name like <c>007_search.sql</c>.</summary>
    public static Migration FromFile(string fileName, string sql)
    {
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new MigrationException($"Migration file '{fileName}' is not named NNN_description.sql.");
        }

        // Line endings must not change the hash when the repository is checked out on another OS.
        var normalized = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        return new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), fileName, normalized);
    }

    /// <summary>Two files with one number would leave their order, and so the schema, to chance: stops start-up.</summary>
    public static void EnsureDistinctNumbers(IReadOnlyList<Migration> migrations)
    {
        var duplicate = migrations.GroupBy(m => m.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new MigrationException($"Two migrations share the number {duplicate.Key:000}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }
    }

    /// <summary>The SQLite migrations embedded in this assembly (Data/Migrations/), in order.</summary>
    public static IReadOnlyList<Migration> LoadEmbedded() => LoadEmbedded("EditorialArchive.Web.Data.Migrations.");

    /// <summary>The PostgreSQL migrations embedded in this assembly (Data/Migrations/Postgres/), in order.</summary>
    public static IReadOnlyList<Migration> LoadEmbeddedPostgres() => LoadEmbedded("EditorialArchive.Web.Data.Migrations.Postgres.");

    private static List<Migration> LoadEmbedded(string prefix)
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // A resource of a subfolder (Postgres/ under the SQLite folder) has a dot left in its name.
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal)
                || resource.AsSpan(prefix.Length, resource.Length - prefix.Length - ".sql".Length).Contains('.'))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            migrations.Add(FromFile(resource[prefix.Length..], reader.ReadToEnd()));
        }

        return [.. migrations.OrderBy(m => m.Number)];
    }

    [GeneratedRegex(@"^(\d{3,})_[A-Za-z0-9_\-]+\.sql$")]
    private static partial Regex FileNamePattern();
}

public sealed class MigrationException(string message) : Exception(message);

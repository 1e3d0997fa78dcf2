using Dapper;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>
/// Applies numbered migrations in order, each in its own transaction, and records each with its hash.
/// A migration changed after it was applied stops start-up: the schema would no longer be what the file says.
/// </summary>
public sealed class MigrationRunner(SqliteConnectionFactory connections, ILogger<MigrationRunner> logger)
{
    private const string CreateHistorySql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            number     INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            sha256     TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """;

    private const string ListAppliedSql = "SELECT number, name, sha256 FROM schema_migrations ORDER BY number";

    private const string RecordAppliedSql = """
        INSERT INTO schema_migrations (number, name, sha256, applied_at)
        VALUES (@Number, @Name, @Sha256, @AppliedAt)
        """;

    /// <summary>Applies what is missing; returns the names of the migrations applied now.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        Migration.EnsureDistinctNumbers(migrations);

        await using var connection = await connections.OpenAsync(cancellationToken);
        // WAL lets readers go on while an editor saves; the setting is stored in the database file.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(CreateHistorySql, cancellationToken: cancellationToken));

        var applied = (await connection.QueryAsync<AppliedMigration>(new CommandDefinition(ListAppliedSql, cancellationToken: cancellationToken)))
            .ToDictionary(a => a.Number);

        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Number, out var record) && record.Sha256 != migration.Sha256)
            {
                throw new MigrationException(
                    $"Migration {migration.Name} was changed after it was applied to {connections.DataSource} " +
                    $"(recorded sha256 {record.Sha256}, file now {migration.Sha256}). " +
                    "Restore the applied file and put the change in a new, higher-numbered migration.");
            }
        }

        var newlyApplied = new List<string>();
        foreach (var migration in migrations.OrderBy(m => m.Number).Where(m => !applied.ContainsKey(m.Number)))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    RecordAppliedSql,
                    new { migration.Number, migration.Name, migration.Sha256, AppliedAt = UtcInstant.Format(DateTimeOffset.UtcNow) },
                    transaction,
                    cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
            }
            catch (SqliteException ex)
            {
                throw new MigrationException($"Migration {migration.Name} failed and was rolled back: {ex.Message}");
            }

            logger.LogInformation("Applied migration {Migration}", migration.Name);
            newlyApplied.Add(migration.Name);
        }

        return newlyApplied;
    }

    private sealed record AppliedMigration(long Number, string Name, string Sha256);
}

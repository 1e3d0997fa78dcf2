using Dapper;
using Npgsql;

namespace EditorialArchive.Web.Data;

/// <summary>
/// The PostgreSQL twin of <see cref="MigrationRunner"/>, with the same rules: numbered migrations in order, each in its
/// own transaction, each recorded with its hash; a migration changed after it was applied stops start-up. An advisory
/// lock keeps two app instances starting at once from applying the same migration twice.
/// </summary>
public sealed class PostgresMigrationRunner(PostgresConnectionFactory connections, ILogger<PostgresMigrationRunner> logger)
{
    /// <summary>Any constant shared by every instance of the app: the key of the advisory lock.</summary>
    private const long MigrationLockKey = 0x45_41_72_63_68_4D_69_67; // "EArchMig"

    private const string LockSql = "SELECT pg_advisory_lock(@Key)";

    private const string UnlockSql = "SELECT pg_advisory_unlock(@Key)";

    private const string CreateHistorySql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            number     bigint PRIMARY KEY,
            name       text   NOT NULL,
            sha256     text   NOT NULL,
            applied_at text   NOT NULL
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

        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(LockSql, new { Key = MigrationLockKey }, cancellationToken: cancellationToken));
        try
        {
            return await ApplyLockedAsync(connection, migrations, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(UnlockSql, new { Key = MigrationLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await connections.OpenAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            throw new MigrationException($"Cannot connect to the {connections.DataSource}: {ex.Message}");
        }
    }

    private async Task<IReadOnlyList<string>> ApplyLockedAsync(NpgsqlConnection connection, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(CreateHistorySql, cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<AppliedMigration>(new CommandDefinition(ListAppliedSql, cancellationToken: cancellationToken)))
            .ToDictionary(a => a.Number);

        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Number, out var record) && record.Sha256 != migration.Sha256)
            {
                throw new MigrationException(
                    $"Migration Postgres/{migration.Name} was changed after it was applied to the {connections.DataSource} " +
                    $"(recorded sha256 {record.Sha256}, file now {migration.Sha256}). " +
                    "Restore the applied file and put the change in a new, higher-numbered migration.");
            }
        }

        var newlyApplied = new List<string>();
        foreach (var migration in migrations.OrderBy(m => m.Number).Where(m => !applied.ContainsKey(m.Number)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    RecordAppliedSql,
                    new { Number = (long)migration.Number, migration.Name, migration.Sha256, AppliedAt = UtcInstant.Format(DateTimeOffset.UtcNow) },
                    transaction,
                    cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
            }
            catch (PostgresException ex)
            {
                throw new MigrationException($"Migration Postgres/{migration.Name} failed and was rolled back: {ex.MessageText}");
            }

            logger.LogInformation("Applied PostgreSQL migration {Migration}", migration.Name);
            newlyApplied.Add(migration.Name);
        }

        return newlyApplied;
    }

    private sealed record AppliedMigration(long Number, string Name, string Sha256);
}

using Dapper;

namespace EditorialArchive.Web.Data;

/// <summary>Leases on work that one node at a time may do (migration 016), taken and renewed in one statement.</summary>
public sealed class SchedulerLeaseRepository(SqliteConnectionFactory connections)
{
    // The upsert changes the row only when it is free (expired) or already ours; RETURNING then yields it, and yields
    // nothing when another holder's lease still runs. One statement, so two nodes can never both take it.
    private const string TryTakeSql = """
        INSERT INTO scheduler_leases (name, holder, expires_at) VALUES (@Name, @Holder, @ExpiresAt)
        ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
        WHERE scheduler_leases.holder = excluded.holder OR scheduler_leases.expires_at <= @Now
        RETURNING holder
        """;

    /// <summary>Takes or renews the lease until <paramref name="now"/> + <paramref name="length"/>; false while another holds it.</summary>
    public async Task<bool> TryTakeAsync(string name, string holder, DateTimeOffset now, TimeSpan length, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var taken = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
            TryTakeSql,
            new { Name = name, Holder = holder, ExpiresAt = UtcInstant.Format(now + length), Now = UtcInstant.Format(now) },
            cancellationToken: cancellationToken));
        return taken == holder;
    }

    private const string ReleaseSql = "DELETE FROM scheduler_leases WHERE name = @Name AND holder = @Holder";

    /// <summary>Gives the lease up (at shutdown), so that another node need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(ReleaseSql, new { Name = name, Holder = holder }, cancellationToken: cancellationToken));
    }
}

using Dapper;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>One entry of the audit log.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public long? ActorUserId { get; init; }
    public string? ActorEmail { get; init; }
    public string Action { get; init; } = "";
    public string? TargetType { get; init; }
    public long? TargetId { get; init; }
    public string? Detail { get; init; }
    public string? RemoteIp { get; init; }
}

/// <summary>What happened, to be written in the same transaction as the change it records.</summary>
public sealed record AuditEvent(long? ActorUserId, string? ActorEmail, string Action, string? TargetType = null, long? TargetId = null, string? Detail = null, string? RemoteIp = null);

/// <summary>The append-only audit log.</summary>
public sealed class AuditLogRepository(SqliteConnectionFactory connections, TimeProvider clock)
{
    private const string AppendSql = """
        INSERT INTO audit_log (occurred_at, actor_user_id, actor_email, action, target_type, target_id, detail, remote_ip)
        VALUES (@OccurredAt, @ActorUserId, @ActorEmail, @Action, @TargetType, @TargetId, @Detail, @RemoteIp)
        """;

    public async Task AppendAsync(SqliteTransaction transaction, AuditEvent entry, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            AppendSql,
            new
            {
                OccurredAt = UtcInstant.Format(clock.GetUtcNow()),
                entry.ActorUserId,
                entry.ActorEmail,
                entry.Action,
                entry.TargetType,
                entry.TargetId,
                entry.Detail,
                entry.RemoteIp,
            },
            transaction,
            cancellationToken: cancellationToken));

    private const string ListPageSql = """
        SELECT id, occurred_at, actor_user_id, actor_email, action, target_type, target_id, detail, remote_ip
        FROM audit_log
        WHERE @BeforeId IS NULL OR id < @BeforeId
        ORDER BY id DESC
        LIMIT @Limit
        """;

    /// <summary>Newest entries first, before the entry <paramref name="beforeId"/> (keyset pagination).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListPageAsync(long? beforeId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<AuditEntry>(new CommandDefinition(ListPageSql, new { BeforeId = beforeId, Limit = limit }, cancellationToken: cancellationToken))).AsList();
    }
}

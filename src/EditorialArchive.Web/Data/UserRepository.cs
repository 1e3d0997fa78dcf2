using Dapper;
using EditorialArchive.Web.Accounts;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>Queries and writes of editor accounts.</summary>
public sealed class UserRepository(SqliteConnectionFactory connections)
{
    private const string Columns = "id, email, display_name, role, password_hash, is_disabled, failed_sign_ins, locked_until, security_stamp, created_at";

    private const string GetByEmailSql = $"SELECT {Columns} FROM users WHERE email = @Email";

    public async Task<EditorAccount?> GetByEmailAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<EditorAccount>(new CommandDefinition(GetByEmailSql, new { Email = email.Trim() }, cancellationToken: cancellationToken));
    }

    private const string GetByIdSql = $"SELECT {Columns} FROM users WHERE id = @Id";

    public async Task<EditorAccount?> GetByIdAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<EditorAccount>(new CommandDefinition(GetByIdSql, new { Id = id }, cancellationToken: cancellationToken));
    }

    private const string ListAllSql = $"SELECT {Columns} FROM users ORDER BY email";

    public async Task<IReadOnlyList<EditorAccount>> ListAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<EditorAccount>(new CommandDefinition(ListAllSql, cancellationToken: cancellationToken))).AsList();
    }

    private const string InsertSql = """
        INSERT INTO users (email, display_name, role, password_hash, security_stamp, created_at, updated_at)
        VALUES (@Email, @DisplayName, @Role, @PasswordHash, @SecurityStamp, @Now, @Now)
        ON CONFLICT (email) DO NOTHING
        RETURNING id
        """;

    /// <summary>Adds an account; returns null when the email is already taken.</summary>
    public async Task<long?> InsertAsync(SqliteTransaction transaction, string email, string displayName, string role, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteScalarAsync<long?>(new CommandDefinition(
            InsertSql,
            new { Email = email.Trim(), DisplayName = displayName.Trim(), Role = role, PasswordHash = passwordHash, SecurityStamp = NewStamp(), Now = UtcInstant.Format(now) },
            transaction,
            cancellationToken: cancellationToken));

    private const string SetPasswordSql = """
        UPDATE users SET password_hash = @PasswordHash, security_stamp = @SecurityStamp, failed_sign_ins = 0,
                         locked_until = NULL, updated_at = @Now
        WHERE id = @Id
        """;

    public async Task<bool> SetPasswordAsync(SqliteTransaction transaction, long id, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            SetPasswordSql, new { Id = id, PasswordHash = passwordHash, SecurityStamp = NewStamp(), Now = UtcInstant.Format(now) }, transaction, cancellationToken: cancellationToken)) == 1;

    private const string SetDisabledSql = """
        UPDATE users SET is_disabled = @Disabled, security_stamp = @SecurityStamp, updated_at = @Now WHERE id = @Id
        """;

    public async Task<bool> SetDisabledAsync(SqliteTransaction transaction, long id, bool disabled, DateTimeOffset now, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            SetDisabledSql, new { Id = id, Disabled = disabled, SecurityStamp = NewStamp(), Now = UtcInstant.Format(now) }, transaction, cancellationToken: cancellationToken)) == 1;

    private const string RecordFailedSignInSql = """
        UPDATE users
        SET failed_sign_ins = failed_sign_ins + 1,
            locked_until = CASE WHEN failed_sign_ins + 1 >= @MaxFailures THEN @LockUntil ELSE locked_until END
        WHERE id = @Id
        """;

    /// <summary>Counts a failed sign-in; the account locks once the count reaches <paramref name="maxFailures"/>.</summary>
    public async Task RecordFailedSignInAsync(SqliteTransaction transaction, long id, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            RecordFailedSignInSql, new { Id = id, MaxFailures = maxFailures, LockUntil = UtcInstant.Format(lockUntil) }, transaction, cancellationToken: cancellationToken));

    private const string ResetFailedSignInsSql = "UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = @Id";

    public async Task ResetFailedSignInsAsync(SqliteTransaction transaction, long id, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(ResetFailedSignInsSql, new { Id = id }, transaction, cancellationToken: cancellationToken));

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}

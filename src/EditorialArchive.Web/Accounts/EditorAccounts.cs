using System.Net.Mail;
using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace EditorialArchive.Web.Accounts;

/// <summary>The outcome of an account change: done, or the reason it was refused.</summary>
public sealed record AccountResult(bool Succeeded, string? Error, long? UserId = null)
{
    public static AccountResult Done(long userId) => new(true, null, userId);

    public static AccountResult Refused(string error) => new(false, error);
}

/// <summary>
/// Creates and changes editor accounts with validation, password hashing (ASP.NET Core Identity's
/// PasswordHasher) and an audit entry in the same transaction. Used by the admin pages and the CLI.
/// </summary>
public sealed class EditorAccounts(
    SqliteConnectionFactory connections,
    UserRepository users,
    AuditLogRepository audit,
    IPasswordHasher<EditorAccount> hasher,
    TimeProvider clock)
{
    public static string? ValidateEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Trim().Length <= 254 && MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim()
            ? null
            : "Enter an email address such as desk@example.com.";

    public static string? ValidatePassword(string? password) => password switch
    {
        null or "" => "Enter a password.",
        { Length: < AccountOptions.MinPasswordLength } => $"Use at least {AccountOptions.MinPasswordLength} characters.",
        { Length: > AccountOptions.MaxPasswordLength } => $"Use at most {AccountOptions.MaxPasswordLength} characters.",
        _ when string.IsNullOrWhiteSpace(password) => "A password cannot be only spaces.",
        _ => null,
    };

    public async Task<AccountResult> CreateAsync(string email, string? displayName, string role, string password, AuditEvent actor, CancellationToken cancellationToken)
    {
        var error = ValidateEmail(email) ?? ValidatePassword(password)
            ?? (EditorRoles.IsValid(role) ? null : $"Role must be '{EditorRoles.Editor}' or '{EditorRoles.Admin}'.");
        if (error is not null)
        {
            return AccountResult.Refused(error);
        }

        var name = string.IsNullOrWhiteSpace(displayName) ? email.Trim().Split('@')[0] : displayName.Trim();
        if (name.Length > 100)
        {
            return AccountResult.Refused("Use a display name of at most 100 characters.");
        }

        var hash = hasher.HashPassword(new EditorAccount { Email = email }, password);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var id = await users.InsertAsync(transaction, email, name, role, hash, clock.GetUtcNow(), cancellationToken);
        if (id is null)
        {
            return AccountResult.Refused($"An account for {email.Trim()} already exists.");
        }

        await audit.AppendAsync(transaction, actor with { Action = AuditActions.UserCreated, TargetType = "user", TargetId = id, Detail = $"{email.Trim()} ({role})" }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccountResult.Done(id.Value);
    }

    public async Task<AccountResult> SetPasswordAsync(long userId, string password, AuditEvent actor, CancellationToken cancellationToken)
    {
        if (ValidatePassword(password) is { } error)
        {
            return AccountResult.Refused(error);
        }

        var account = await users.GetByIdAsync(userId, cancellationToken);
        if (account is null)
        {
            return AccountResult.Refused("There is no such account.");
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await users.SetPasswordAsync(transaction, userId, hasher.HashPassword(account, password), clock.GetUtcNow(), cancellationToken);
        await audit.AppendAsync(transaction, actor with { Action = AuditActions.PasswordSet, TargetType = "user", TargetId = userId, Detail = account.Email }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccountResult.Done(userId);
    }

    public async Task<AccountResult> SetDisabledAsync(long userId, bool disabled, AuditEvent actor, CancellationToken cancellationToken)
    {
        var account = await users.GetByIdAsync(userId, cancellationToken);
        if (account is null)
        {
            return AccountResult.Refused("There is no such account.");
        }

        if (disabled && actor.ActorUserId == userId)
        {
            return AccountResult.Refused("You cannot disable your own account.");
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await users.SetDisabledAsync(transaction, userId, disabled, clock.GetUtcNow(), cancellationToken);
        await audit.AppendAsync(transaction, actor with { Action = disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, TargetType = "user", TargetId = userId, Detail = account.Email }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccountResult.Done(userId);
    }
}

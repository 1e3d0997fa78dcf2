using System.Security.Claims;
using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Accounts;

/// <summary>
/// Checks an email and password. Failures count towards a lockout; every attempt is audited. The caller
/// learns only "signed in" or "not": the reason (unknown email, wrong password, locked, disabled) is never shown.
/// </summary>
public sealed class EditorSignIn(
    SqliteConnectionFactory connections,
    UserRepository users,
    AuditLogRepository audit,
    IPasswordHasher<EditorAccount> hasher,
    IOptions<AccountOptions> options,
    TimeProvider clock)
{
    public const string SecurityStampClaim = "security_stamp";

    // Verifying against a real hash for unknown emails keeps the answer time the same as for known ones.
    private readonly string decoyHash = hasher.HashPassword(new EditorAccount(), Guid.NewGuid().ToString());

    public async Task<ClaimsPrincipal?> SignInAsync(string email, string password, string? remoteIp, CancellationToken cancellationToken)
    {
        var account = EditorAccounts.ValidateEmail(email) is null ? await users.GetByEmailAsync(email, cancellationToken) : null;
        var now = clock.GetUtcNow();
        var verified = hasher.VerifyHashedPassword(account ?? new EditorAccount(), account?.PasswordHash ?? decoyHash, password ?? "");
        var locked = account?.LockedUntil is { } until && until > now;
        var succeeded = account is { IsDisabled: false } && !locked && verified != PasswordVerificationResult.Failed;

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        if (succeeded)
        {
            await users.ResetFailedSignInsAsync(transaction, account!.Id, cancellationToken);
        }
        else if (account is not null && !locked)
        {
            await users.RecordFailedSignInAsync(transaction, account.Id, options.Value.MaxFailedSignIns, now + options.Value.LockoutDuration, cancellationToken);
        }

        var reason = succeeded ? null : account switch
        {
            null => "unknown email",
            { IsDisabled: true } => "account disabled",
            _ when locked => "account locked",
            _ => "wrong password",
        };
        await audit.AppendAsync(
            transaction,
            new AuditEvent(account?.Id, account?.Email ?? Truncate(email), succeeded ? AuditActions.SignIn : AuditActions.SignInFailed, Detail: reason, RemoteIp: remoteIp),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return succeeded ? CreatePrincipal(account!) : null;
    }

    public static ClaimsPrincipal CreatePrincipal(EditorAccount account)
    {
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.DisplayName),
            new(ClaimTypes.Email, account.Email),
            new(ClaimTypes.Role, account.Role),
            new(SecurityStampClaim, account.SecurityStamp),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "EditorCookie"));
    }

    private static string? Truncate(string? text) => text is null ? null : text.Length <= 254 ? text.Trim() : text[..254];
}

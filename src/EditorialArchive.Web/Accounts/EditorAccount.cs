namespace EditorialArchive.Web.Accounts;

/// <summary>A row of <c>users</c>.</summary>
public sealed class EditorAccount
{
    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Role { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public bool IsDisabled { get; init; }
    public long FailedSignIns { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public string SecurityStamp { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

namespace EditorialArchive.Web.Accounts;

/// <summary>Roles of the admin area and the authorization policies built on them.</summary>
public static class EditorRoles
{
    /// <summary>Writes and publishes pieces.</summary>
    public const string Editor = "editor";

    /// <summary>An editor who also manages users and reads the audit log.</summary>
    public const string Admin = "admin";

    public static bool IsValid(string? role) => role is Editor or Admin;

    /// <summary>Policy: a signed-in, enabled editor or admin.</summary>
    public const string EditorPolicy = "Editor";

    /// <summary>Policy: a signed-in, enabled admin.</summary>
    public const string AdminPolicy = "Admin";
}

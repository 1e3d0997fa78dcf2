using System.ComponentModel.DataAnnotations;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Data;

namespace EditorialArchive.Web.ViewModels;

/// <summary>The sign-in form as posted.</summary>
public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(254)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(AccountOptions.MaxPasswordLength)]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

public sealed class SignInPageViewModel : AdminPageViewModel
{
    public required SignInInput Input { get; init; }
    public string? Error { get; init; }
}

public sealed class DeniedPageViewModel : AdminPageViewModel;

/// <summary>The new-account form as posted.</summary>
public sealed class NewUserInput
{
    [Required(ErrorMessage = "Enter an email address.")]
    [StringLength(254)]
    public string Email { get; set; } = "";

    [StringLength(100, ErrorMessage = "Use a display name of at most 100 characters.")]
    public string? DisplayName { get; set; }

    [Required]
    public string Role { get; set; } = EditorRoles.Editor;

    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(AccountOptions.MaxPasswordLength, MinimumLength = AccountOptions.MinPasswordLength, ErrorMessage = "Use 12 to 256 characters.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}

public sealed class UsersPageViewModel : AdminPageViewModel
{
    public required IReadOnlyList<EditorAccount> Users { get; init; }
    public required long CurrentUserId { get; init; }
    public required NewUserInput NewUser { get; init; }
    public string? Error { get; init; }
}

/// <summary>The set-password form as posted.</summary>
public sealed class SetPasswordInput
{
    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(AccountOptions.MaxPasswordLength, MinimumLength = AccountOptions.MinPasswordLength, ErrorMessage = "Use 12 to 256 characters.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}

public sealed class SetPasswordPageViewModel : AdminPageViewModel
{
    public required EditorAccount Account { get; init; }
    public string? Error { get; init; }
}

public sealed class AuditPageViewModel : AdminPageViewModel
{
    public required IReadOnlyList<AuditEntry> Entries { get; init; }
    public required Func<DateTimeOffset, string> ShowTime { get; init; }
    public string? OlderUrl { get; init; }
}

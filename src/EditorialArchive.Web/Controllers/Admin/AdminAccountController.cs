using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Hosting;
using EditorialArchive.Web.ViewModels;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace EditorialArchive.Web.Controllers.Admin;

[Route("admin")]
public sealed class AdminAccountController(EditorSignIn signIn, AuditLogRepository audit, SqliteConnectionFactory connections) : AdminController
{
    /// <summary>Shown for every failed sign-in, whatever the reason, so it reveals nothing about the account.</summary>
    public const string FailureMessage =
        "The email or password is not right, or sign-in is paused for this account after repeated failures. Check them and try again in a few minutes.";

    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) =>
        View(new SignInPageViewModel { Title = "Sign in", Input = new SignInInput { ReturnUrl = returnUrl } });

    [AllowAnonymous]
    [HttpPost("login")]
    [EnableRateLimiting(AccountServices.SignInRateLimitPolicy)]
    public async Task<IActionResult> Login([FromForm] SignInInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(new SignInPageViewModel { Title = "Sign in", Input = WithoutPassword(input) });
        }

        var principal = await signIn.SignInAsync(input.Email, input.Password, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (principal is null)
        {
            return View(new SignInPageViewModel { Title = "Sign in", Input = WithoutPassword(input), Error = FailureMessage });
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(IsAdminUrl(input.ReturnUrl) ? input.ReturnUrl! : "/admin");
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout(CancellationToken cancellationToken)
    {
        await using (var connection = await connections.OpenAsync(cancellationToken))
        await using (var transaction = connection.BeginTransaction())
        {
            await audit.AppendAsync(transaction, Actor(AuditActions.SignOut), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/admin/login");
    }

    [AllowAnonymous]
    [HttpGet("denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View(new DeniedPageViewModel { Title = "Not allowed" });
    }

    private bool IsAdminUrl(string? url) =>
        !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) && (url == "/admin" || url.StartsWith("/admin/", StringComparison.Ordinal) || url.StartsWith("/admin?", StringComparison.Ordinal));

    private static SignInInput WithoutPassword(SignInInput input) => new() { Email = input.Email, ReturnUrl = input.ReturnUrl };
}

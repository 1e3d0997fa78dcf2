using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace EditorialArchive.Web.Hosting;

/// <summary>Editor accounts: cookie sign-in confined to /admin, role policies, sign-in throttling.</summary>
public static class AccountServices
{
    public const string SignInRateLimitPolicy = "sign-in";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AccountOptions.SectionName);
        services.AddOptions<AccountOptions>().Bind(section);
        var options = section.Get<AccountOptions>() ?? new AccountOptions();

        services.AddSingleton<IPasswordHasher<EditorAccount>, PasswordHasher<EditorAccount>>();
        services.AddSingleton<UserRepository>();
        services.AddSingleton<AuditLogRepository>();
        services.AddSingleton<EditorAccounts>();
        services.AddSingleton<EditorSignIn>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "ea_admin";
                // The session cookie never travels with public pages, which stay cookie-free and cacheable.
                o.Cookie.Path = "/admin";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = options.SessionIdleTimeout;
                o.LoginPath = "/admin/login";
                o.LogoutPath = "/admin/logout";
                o.AccessDeniedPath = "/admin/denied";
                o.Events.OnValidatePrincipal = RejectChangedAccountsAsync;
            });

        // Forms that post exist only under /admin; the token cookie stays there too, off public pages.
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ea_csrf";
            o.Cookie.Path = "/admin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(EditorRoles.EditorPolicy, p => p.RequireAuthenticatedUser().RequireRole(EditorRoles.Editor, EditorRoles.Admin))
            .AddPolicy(EditorRoles.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(EditorRoles.Admin));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        return services;
    }

    /// <summary>A session ends when its account is disabled, deleted or has a new password.</summary>
    private static async Task RejectChangedAccountsAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var users = context.HttpContext.RequestServices.GetRequiredService<UserRepository>();
        var account = long.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await users.GetByIdAsync(id, context.HttpContext.RequestAborted)
            : null;
        if (account is null || account.IsDisabled || account.SecurityStamp != principal?.FindFirstValue(EditorSignIn.SecurityStampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}

using System.Net;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Controllers.Admin;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Admin;

/// <summary>The app with a fake clock and a sign-in rate limit high enough not to interfere.</summary>
public sealed class SignInAppFactory : FakeClockAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Accounts:SignInAttemptsPerMinute", "1000")];
}

public sealed class SignInTests(SignInAppFactory app) : IClassFixture<SignInAppFactory>
{
    [Fact]
    public async Task A_signed_in_editor_reaches_the_desk_and_the_cookie_is_confined_to_admin()
    {
        await Editors.CreateAsync(app, "writer@example.com", name: "Writer One");
        var client = app.CreateBrowserlessClient();

        using var response = await Editors.PostSignInAsync(client, "Writer@Example.com", Editors.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ea_admin=", StringComparison.Ordinal));
        Assert.Contains("path=/admin", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var desk = await Html.GetAsync(client, "/admin");
        Assert.Equal("Writer One", desk.Single("form.sign-out span").Text());
    }

    [Theory]
    [InlineData("writer2@example.com", "wrong password entirely")]
    [InlineData("nobody@example.com", Editors.Password)]
    [InlineData("not-an-email", Editors.Password)]
    public async Task A_failed_sign_in_says_the_same_thing_whatever_was_wrong(string email, string password)
    {
        await EnsureAccountAsync("writer2@example.com");
        var client = app.CreateBrowserlessClient();

        using var response = await Editors.PostSignInAsync(client, email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(AdminAccountController.FailureMessage, page.Single(".notice-error").Text());
        Assert.Equal(email, page.Single("#Email").GetAttribute("value"));
        Assert.Equal("", page.Single("#Password").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_for_a_while_then_it_opens_again()
    {
        await Editors.CreateAsync(app, "locked@example.com");
        var client = app.CreateBrowserlessClient();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await Editors.PostSignInAsync(client, "locked@example.com", $"wrong password {i}");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        // Locked: even the right password is refused, with the same words as any failure.
        using var whileLocked = await Editors.PostSignInAsync(client, "locked@example.com", Editors.Password);
        Assert.Equal(HttpStatusCode.OK, whileLocked.StatusCode);
        Assert.Equal(AdminAccountController.FailureMessage, (await Html.ParseAsync(whileLocked)).Single(".notice-error").Text());

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        using var afterLockout = await Editors.PostSignInAsync(client, "locked@example.com", Editors.Password);
        Assert.Equal(HttpStatusCode.Redirect, afterLockout.StatusCode);

        var audit = await app.Services.GetRequiredService<AuditLogRepository>().ListPageAsync(null, 50, CancellationToken.None);
        var mine = audit.Where(e => e.ActorEmail == "locked@example.com").Select(e => (e.Action, e.Detail)).Reverse().ToList();
        Assert.Equal(
            [.. Enumerable.Repeat((AuditActions.SignInFailed, (string?)"wrong password"), 5), (AuditActions.SignInFailed, "account locked"), (AuditActions.SignIn, null)],
            mine);
    }

    [Fact]
    public async Task Disabling_an_account_or_setting_its_password_ends_its_sessions()
    {
        var id = await Editors.CreateAsync(app, "session@example.com");
        var accounts = app.Services.GetRequiredService<EditorAccounts>();
        var admin = new AuditEvent(null, "test", "");

        var first = await Editors.SignedInAsync(app, "session@example.com");
        Assert.True((await accounts.SetPasswordAsync(id, "a brand new password", admin, CancellationToken.None)).Succeeded);
        using var afterPasswordChange = await first.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, afterPasswordChange.StatusCode);

        var second = await Editors.SignedInAsync(app, "session@example.com", "a brand new password");
        Assert.True((await accounts.SetDisabledAsync(id, true, admin, CancellationToken.None)).Succeeded);
        using var afterDisable = await second.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, afterDisable.StatusCode);
        using var signInDisabled = await Editors.PostSignInAsync(app.CreateBrowserlessClient(), "session@example.com", "a brand new password");
        Assert.Equal(HttpStatusCode.OK, signInDisabled.StatusCode);
    }

    [Fact]
    public async Task Sign_out_is_a_post_that_ends_the_session()
    {
        await Editors.CreateAsync(app, "leaving@example.com");
        var client = await Editors.SignedInAsync(app, "leaving@example.com");

        using var signOut = await BrowserForm.SubmitAsync(client, "/admin", "form.sign-out", new Dictionary<string, string>());
        using var after = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/admin/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_url_outside_admin_is_ignored()
    {
        await EnsureAccountAsync("return@example.com");
        var client = app.CreateBrowserlessClient();

        using var response = await BrowserForm.SubmitAsync(client, "/admin/login?returnUrl=https%3A%2F%2Fevil.example%2F", "form.signin-form",
            new Dictionary<string, string> { ["Email"] = "return@example.com", ["Password"] = Editors.Password });

        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        await EnsureAccountAsync("token@example.com");
        using var content = new FormUrlEncodedContent([new("Email", "token@example.com"), new("Password", Editors.Password)]);

        using var response = await app.CreateBrowserlessClient().PostAsync("/admin/login", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task EnsureAccountAsync(string email)
    {
        if (await app.Services.GetRequiredService<UserRepository>().GetByEmailAsync(email, CancellationToken.None) is null)
        {
            await Editors.CreateAsync(app, email);
        }
    }
}

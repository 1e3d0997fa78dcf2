using System.Net;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Cli;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Admin;

public sealed class UserManagementTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Fact]
    public async Task An_admin_adds_an_editor_who_can_then_sign_in_and_the_audit_log_shows_it()
    {
        await Editors.CreateAsync(app, "chief@example.com", EditorRoles.Admin, "Chief");
        var admin = await Editors.SignedInAsync(app, "chief@example.com");

        using var created = await BrowserForm.SubmitAsync(admin, "/admin/users", "form[action='/admin/users']", new Dictionary<string, string>
        {
            ["Email"] = "new.editor@example.com",
            ["DisplayName"] = "New Editor",
            ["Role"] = EditorRoles.Editor,
            ["Password"] = "a long enough password",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await Html.GetAsync(admin, created.Headers.Location!.OriginalString);
        Assert.Equal("Added new.editor@example.com.", list.Single(".notice-success").Text());
        Assert.Contains(list.QuerySelectorAll("table.data td"), td => td.Text() == "New Editor");
        await Editors.SignedInAsync(app, "new.editor@example.com", "a long enough password");

        var audit = await Html.GetAsync(admin, "/admin/audit");
        var rows = audit.QuerySelectorAll("table.data tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.Text()).ToList()).ToList();
        Assert.Contains(rows, r => r[1] == "chief@example.com" && r[2] == AuditActions.UserCreated && r[4] == "new.editor@example.com (editor)");
        Assert.Contains(rows, r => r[1] == "new.editor@example.com" && r[2] == AuditActions.SignIn);
    }

    [Fact]
    public async Task A_refused_new_user_keeps_what_was_typed_and_says_why()
    {
        await Editors.CreateAsync(app, "chief2@example.com", EditorRoles.Admin);
        var admin = await Editors.SignedInAsync(app, "chief2@example.com");

        using var tooShort = await BrowserForm.SubmitAsync(admin, "/admin/users", "form[action='/admin/users']", new Dictionary<string, string>
        {
            ["Email"] = "short@example.com",
            ["DisplayName"] = "Short Password",
            ["Role"] = EditorRoles.Admin,
            ["Password"] = "short",
        });
        using var duplicate = await BrowserForm.SubmitAsync(admin, "/admin/users", "form[action='/admin/users']", new Dictionary<string, string>
        {
            ["Email"] = "CHIEF2@example.com",
            ["Role"] = EditorRoles.Editor,
            ["Password"] = "another long password",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.StatusCode);
        var page = await Html.ParseAsync(tooShort);
        Assert.Equal("Use 12 to 256 characters.", page.Single("#Password + .field-error, #Password ~ .field-error").Text());
        Assert.Equal("short@example.com", page.Single("#Email").GetAttribute("value"));
        Assert.Equal("Short Password", page.Single("#DisplayName").GetAttribute("value"));
        Assert.Equal(EditorRoles.Admin, page.Single("#Role option[selected]").GetAttribute("value"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("An account for CHIEF2@example.com already exists.", (await Html.ParseAsync(duplicate)).Single(".validation-summary").Text(), StringComparison.Ordinal);
        Assert.Null(await app.Services.GetRequiredService<UserRepository>().GetByEmailAsync("short@example.com", CancellationToken.None));
    }

    [Fact]
    public async Task An_admin_cannot_disable_their_own_account()
    {
        var id = await Editors.CreateAsync(app, "self@example.com", EditorRoles.Admin);
        var admin = await Editors.SignedInAsync(app, "self@example.com");
        var page = await Html.GetAsync(admin, "/admin/users");

        // The page offers no such button; a hand-made post is refused all the same.
        Assert.Empty(page.QuerySelectorAll($"form[action='/admin/users/{id}/disable']"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var response = await admin.PostAsync($"/admin/users/{id}/disable", content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("You cannot disable your own account.", (await Html.ParseAsync(response)).Single(".notice-error").Text());
    }

    [Fact]
    public async Task The_command_line_adds_lists_disables_and_sets_passwords()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        async Task<int> Run(string stdin, params string[] args)
        {
            Console.SetIn(new StringReader(stdin));
            Console.SetOut(output);
            Console.SetError(error);
            try
            {
                return await UserVerbs.RunAsync(app.Services, args, CancellationToken.None);
            }
            finally
            {
                Console.SetIn(new StreamReader(Stream.Null));
                Console.SetOut(new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true });
                Console.SetError(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true });
            }
        }

        Assert.Equal(0, await Run("first admin password\n", "add", "--email", "cli.admin@example.com", "--role", "admin", "--password-stdin"));
        Assert.Equal(1, await Run("short\n", "add", "--email", "cli.other@example.com", "--role", "editor", "--password-stdin"));
        Assert.Equal(1, await Run("", "add", "--email", "cli.third@example.com", "--role", "chief", "--password-stdin"));
        Assert.Equal(0, await Run("", "list"));
        Assert.Equal(0, await Run("a second password!\n", "set-password", "--email", "cli.admin@example.com", "--password-stdin"));
        await Editors.SignedInAsync(app, "cli.admin@example.com", "a second password!");
        Assert.Equal(0, await Run("", "disable", "--email", "cli.admin@example.com"));

        Assert.Contains("Added cli.admin@example.com as admin.", output.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"cli\.admin@example\.com\s+admin\s+enabled", output.ToString());
        Assert.Contains("Use at least 12 characters.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Role must be 'editor' or 'admin'.", error.ToString(), StringComparison.Ordinal);
        var account = await app.Services.GetRequiredService<UserRepository>().GetByEmailAsync("cli.admin@example.com", CancellationToken.None);
        Assert.True(account!.IsDisabled);
        Assert.Null(await app.Services.GetRequiredService<UserRepository>().GetByEmailAsync("cli.other@example.com", CancellationToken.None));
    }
}

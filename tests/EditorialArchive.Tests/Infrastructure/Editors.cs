using System.Net;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Infrastructure;

/// <summary>Creates accounts through the app's own account service and signs in through the real form.</summary>
public static class Editors
{
    public const string Password = "correct horse battery staple";

    public static async Task<long> CreateAsync(ArchiveAppFactory app, string email, string role = EditorRoles.Editor, string? name = null)
    {
        var accounts = app.Services.GetRequiredService<EditorAccounts>();
        var result = await accounts.CreateAsync(email, name, role, Password, new AuditEvent(null, "test", ""), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        return result.UserId!.Value;
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password) =>
        await BrowserForm.SubmitAsync(client, "/admin/login", "form.signin-form", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>A cookie-keeping client signed in as <paramref name="email"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(ArchiveAppFactory app, string email, string password = Password)
    {
        var client = app.CreateBrowserlessClient();
        using var response = await PostSignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

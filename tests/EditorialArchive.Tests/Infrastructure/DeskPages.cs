using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Infrastructure;

/// <summary>Drives the desk's pages as an editor in a browser would: fill the forms, press the buttons.</summary>
public static partial class DeskPages
{
    public const string ArticleForm = "form.article-form";

    /// <summary>Creates a draft through the new-piece form and returns its id.</summary>
    public static async Task<long> CreateAsync(HttpClient editor, string headline, string language = Languages.English, string body = "First paragraph.", IReadOnlyDictionary<string, string>? extra = null)
    {
        var typed = new Dictionary<string, string> { ["Headline"] = headline, ["Language"] = language, ["Body"] = body };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            typed[key] = value;
        }

        using var response = await BrowserForm.SubmitAsync(editor, "/admin/articles/new", ArticleForm, typed);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return IdOf(response.Headers.Location!.OriginalString);
    }

    public static long IdOf(string editUrl) =>
        long.Parse(EditUrlPattern().Match(editUrl).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>Loads the edit page and submits its form with <paramref name="typed"/> over what it holds.</summary>
    public static Task<HttpResponseMessage> EditAsync(HttpClient editor, long id, IReadOnlyDictionary<string, string> typed) =>
        BrowserForm.SubmitAsync(editor, $"/admin/articles/{id}/edit", ArticleForm, typed);

    /// <summary>Presses a workflow button (publish, schedule, unpublish, trash, restore, purge) on the edit page.</summary>
    public static Task<HttpResponseMessage> StepAsync(HttpClient editor, long id, string step, IReadOnlyDictionary<string, string>? typed = null) =>
        BrowserForm.SubmitAsync(editor, $"/admin/articles/{id}/edit", $"form.workflow-{step}", typed ?? new Dictionary<string, string>());

    /// <summary>Like <see cref="StepAsync"/> but expects the post/redirect/get answer.</summary>
    public static async Task StepOkAsync(HttpClient editor, long id, string step, IReadOnlyDictionary<string, string>? typed = null)
    {
        using var response = await StepAsync(editor, id, step, typed);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{step} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<DeskArticle> StoredAsync(ArchiveAppFactory app, long id) =>
        (await app.Services.GetRequiredService<ArticleDeskRepository>().GetForEditAsync(id, CancellationToken.None))!;

    [GeneratedRegex(@"/admin/articles/(\d+)/edit")]
    private static partial Regex EditUrlPattern();
}

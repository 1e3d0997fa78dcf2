using System.Globalization;
using EditorialArchive.Web.Articles;
using Microsoft.AspNetCore.Localization;

namespace EditorialArchive.Web.Localization;

/// <summary>
/// The UI culture follows the edition in the URL (<c>/en/…</c>, <c>/ko/…</c>); for pages outside an edition
/// (errors re-executed from an edition's URL) the original path decides.
/// </summary>
public sealed class PathLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = LanguageOfPath(httpContext.Request.Path);
        return Task.FromResult(language is null ? null : new ProviderCultureResult(language));
    }

    public static string? LanguageOfPath(PathString path)
    {
        var value = path.Value;
        if (value is null || value.Length < 3 || value[0] != '/')
        {
            return null;
        }

        var language = value.Substring(1, 2);
        return Languages.IsSupported(language) && (value.Length == 3 || value[3] == '/') ? language : null;
    }

    public static string CurrentLanguage =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Languages.Korean ? Languages.Korean : Languages.English;
}

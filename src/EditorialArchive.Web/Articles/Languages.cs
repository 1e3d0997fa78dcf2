namespace EditorialArchive.Web.Articles;

/// <summary>The two languages of the edition, as stored and as used in URLs.</summary>
public static class Languages
{
    public const string English = "en";
    public const string Korean = "ko";

    public const string RouteConstraint = "regex(^(en|ko)$)";

    public static bool IsSupported(string? language) => language is English or Korean;

    public static string Other(string language) => language == Korean ? English : Korean;

    /// <summary>The name of a language written in that language, as on a language switch link.</summary>
    public static string Endonym(string language) => language == Korean ? "한국어" : "English";
}

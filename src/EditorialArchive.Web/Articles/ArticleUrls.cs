namespace EditorialArchive.Web.Articles;

/// <summary>The public addresses of the archive, built in one place so every link agrees with the routes.</summary>
public static class ArticleUrls
{
    public static string Article(string language, long id, string slug) =>
        $"/{language}/articles/{id}/{Uri.EscapeDataString(slug)}";

    public static string Home(string language) => $"/{language}/";
}

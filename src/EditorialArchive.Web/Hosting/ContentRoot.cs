namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Where the app finds appsettings.json, its static files and its default data folder.
/// <c>dotnet run</c> starts in the project folder, which holds appsettings.json: that folder is used.
/// A published app may be started from any working directory: then its own folder is used.
/// </summary>
public static class ContentRoot
{
    public static string? Resolve(string[] args)
    {
        var explicitlySet = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        if (explicitlySet)
        {
            return null;
        }

        var current = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(current, "appsettings.json")) ? current : AppContext.BaseDirectory;
    }
}

namespace EditorialArchive.Tests.Infrastructure;

/// <summary>The seed files as they travel with the web project's build output.</summary>
public static class SeedFiles
{
    public const string OriginalEditorial = "000_44786456b2bb7c2d.txt";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));
}

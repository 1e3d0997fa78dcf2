using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EditorialArchive.BrowserTests;

/// <summary>
/// Screenshots under TestResults/screenshots, the README's pictures under TestResults/readme-screenshots, and
/// axe-core checks of each page a journey visits.
/// </summary>
public static class Evidence
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    public static string ScreenshotFolder { get; } = CreateFolder("screenshots");

    /// <summary>Where the README's pictures are made; screenshots/update.sh copies them beside the tests.</summary>
    public static string ReadmeScreenshotFolder { get; } = CreateFolder("readme-screenshots");

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>What a reader first sees (the viewport, not the whole page), kept small for the README.</summary>
    public static async Task ReadmeScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ReadmeScreenshotFolder, name + ".png") });

    /// <summary>Fails with the list of violations when axe finds anything against WCAG 2.2 A or AA.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        });
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
        Assert.True(result.Violations.Length == 0, $"{page.Url}:\n{string.Join("\n", violations)}");
    }

    private static string CreateFolder(string name)
    {
        var folder = Path.Combine(RepositoryRoot, "TestResults", name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EditorialArchive.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}

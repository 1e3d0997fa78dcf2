namespace EditorialArchive.BrowserTests;

public sealed class MissingBrowserTests
{
    [Fact]
    public void A_machine_without_chromium_gets_one_sentence_naming_the_package_and_the_command()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "chromium");

        var error = Assert.Throws<ChromiumMissingException>(() => LiveArchive.EnsureChromiumAt(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install -y chromium fonts-noto-cjk", error.Message, StringComparison.Ordinal);
        Assert.Contains("bash tests/run.sh", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Null(error.StackTrace);
    }
}

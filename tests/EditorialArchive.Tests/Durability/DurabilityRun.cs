using System.Globalization;
using EditorialArchive.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EditorialArchive.Tests.Durability;

/// <summary>
/// Sizes of the durability runs (CI's short form by default; tests/Durability/*.sh set the long form) and where
/// their figures go: the test output, and the file named by DURABILITY_REPORT when set.
/// </summary>
public static class DurabilityRun
{
    public static int Setting(string name, int shortForm) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : shortForm;

    public static void Report(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("DURABILITY_REPORT") is { Length: > 0 } path)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }

    /// <summary>A new archive file with one admin account made by the <c>users add --password-stdin</c> verb.</summary>
    public static async Task<TempDatabase> NewArchiveAsync(string adminEmail)
    {
        var database = new TempDatabase();
        var (exitCode, output) = await ArchiveProcess.RunVerbAsync(
            database.Path, ["users", "add", "--email", adminEmail, "--role", "admin", "--password-stdin"], Editors.Password);
        Assert.True(exitCode == 0, output);
        return database;
    }
}

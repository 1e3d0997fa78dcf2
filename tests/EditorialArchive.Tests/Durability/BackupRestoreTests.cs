using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace EditorialArchive.Tests.Durability;

/// <summary>backup while the site serves and editors save → restore into the stopped instance → the same pages.</summary>
public sealed partial class BackupRestoreTests(ITestOutputHelper output)
{
    private const string Admin = "backup-admin@example.com";

    [Fact]
    public async Task A_backup_taken_during_saves_restores_into_a_stopped_instance_that_serves_the_same_pages()
    {
        using var database = await DurabilityRun.NewArchiveAsync(Admin);
        var backup = Path.Combine(database.Directory, "backups", "archive-1.db");
        var ledger = new DeskLedger();
        IReadOnlyList<long> pieces;
        int acknowledgedBeforeBackup;
        await using (var app = await ArchiveProcess.StartAsync(database.Path))
        {
            using var admin = await DeskBurst.SignInAsync(app.Address, Admin);
            pieces = await DeskBurst.CreatePiecesAsync(admin, 10);
            var editors = new List<HttpClient>();
            for (var i = 0; i < 4; i++)
            {
                editors.Add(await DeskBurst.SignInAsync(app.Address, Admin));
            }

            using var stop = new CancellationTokenSource();
            var workers = editors.Select((editor, i) => Task.Run(() =>
                DeskBurst.RunAsync(editor, pieces, int.MaxValue, $"backup editor {i}", ledger, new Random(i), withSteps: true, stop.Token))).ToList();
            while (ledger.Acknowledged.Count < 10)
            {
                await Task.Delay(20);
            }

            acknowledgedBeforeBackup = ledger.Acknowledged.Count;
            var (code, said) = await ArchiveProcess.RunVerbAsync(database.Path, ["backup", "--to", backup]);
            Assert.True(code == 0, said);
            var duringBackup = ledger.Acknowledged.Count - acknowledgedBeforeBackup;

            // The site is running: restore refuses, and says why.
            var (refusedCode, refusal) = await ArchiveProcess.RunVerbAsync(database.Path, ["restore", "--from", backup]);
            Assert.Equal(1, refusedCode);
            Assert.Contains("in use by a running app instance", refusal, StringComparison.Ordinal);

            await stop.CancelAsync();
            await Task.WhenAll(workers);
            editors.ForEach(e => e.Dispose());
            DurabilityRun.Report(output, $"backup: {said.Trim()} ({duringBackup} saves acknowledged while it ran, {ledger.Acknowledged.Count} in all)");
        }

        // What the backup itself serves, read from a copy of it (the app would turn the backup file into WAL).
        var copy = Path.Combine(database.Directory, "backup-view", "archive.db");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(backup, copy);
        var expected = await PagesAsync(copy, pieces);

        var (restoreCode, restored) = await ArchiveProcess.RunVerbAsync(database.Path, ["restore", "--from", backup]);
        Assert.True(restoreCode == 0, restored);
        var actual = await PagesAsync(database.Path, pieces);

        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (url, page) in expected)
        {
            Assert.True(page == actual[url], $"{url} differs after the restore");
        }

        // Everything acknowledged before the backup began is in the restored archive.
        var (found, lost, problems) = await ArchiveAudit.AuditAsync(database.Path, ledger.Acknowledged.Take(acknowledgedBeforeBackup));
        Assert.Equal((acknowledgedBeforeBackup, 0), (found, lost.Count));
        Assert.Empty(problems);
        Assert.Single(Directory.GetFiles(database.Directory, "archive.db.before-restore-*"));
    }

    /// <summary>The public pages (and one desk page) an instance on <paramref name="path"/> serves, without per-response nonces.</summary>
    private static async Task<Dictionary<string, string>> PagesAsync(string path, IReadOnlyList<long> pieces)
    {
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        // A fixed site address: pages carry absolute links, which would otherwise name each instance's own port.
        await using var app = await ArchiveProcess.StartAsync(path, new Dictionary<string, string> { ["Archive__SiteUrl"] = "https://archive.example" });
        using var reader = DeskBurst.Client(app.Address);
        var urls = new List<string> { "/en/", "/ko/", "/sitemap.xml" };
        await using (var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, slug FROM articles WHERE status = 'published' ORDER BY id";
            await using var rows = await command.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                urls.Add($"/en/articles/{rows.GetInt64(0)}/{rows.GetString(1)}");
            }
        }

        SqliteConnection.ClearAllPools();
        Assert.True(urls.Count > 3, "no published piece to compare");
        foreach (var url in urls)
        {
            using var response = await reader.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            pages[url] = NoncePattern().Replace(await response.Content.ReadAsStringAsync(), "nonce");
        }

        Assert.True(pieces.Count > 0);
        return pages;
    }

    [GeneratedRegex("nonce-[A-Za-z0-9+/=_-]+|nonce=\"[^\"]*\"")]
    private static partial Regex NoncePattern();
}

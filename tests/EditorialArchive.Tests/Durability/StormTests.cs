using System.Diagnostics;
using Xunit.Abstractions;

namespace EditorialArchive.Tests.Durability;

/// <summary>
/// Many editors saving the same few pieces at once while readers load public pages: no 5xx, no lost update (every
/// acknowledged save is a revision, every refused one got the 409 conflict page with the editor's text), and no
/// "database is locked" for a user or in the log. CI: 8 editors × 25 saves; tests/Durability/storm.sh: 16 × 200.
/// </summary>
public sealed class StormTests(ITestOutputHelper output)
{
    private const int Pieces = 20;

    [Fact]
    public async Task A_storm_of_editors_on_twenty_pieces_loses_no_update_and_shows_no_one_a_server_error()
    {
        var editors = DurabilityRun.Setting("DURABILITY_STORM_EDITORS", 8);
        var saves = DurabilityRun.Setting("DURABILITY_STORM_SAVES", 25);
        using var database = await DurabilityRun.NewArchiveAsync("storm-admin@example.com");
        await using var app = await ArchiveProcess.StartAsync(database.Path);

        var figures = await StormAsync([app], editors, saves, "storm", during: null);

        DurabilityRun.Report(output, $"storm: {figures}");
        figures.AssertClean();
        AssertNoErrorLines(app);
    }

    [Fact]
    public async Task Two_app_processes_and_the_cli_writing_one_file_during_a_burst_lose_no_update()
    {
        using var database = await DurabilityRun.NewArchiveAsync("storm-admin@example.com");
        await using var first = await ArchiveProcess.StartAsync(database.Path);
        await using var second = await ArchiveProcess.StartAsync(database.Path);

        // The CLI writes too (an account and its audit entry) while both instances take saves.
        (int ExitCode, string Output) cli = default;
        var figures = await StormAsync([first, second], editors: 6, saves: 20, "two", during: async () =>
            cli = await ArchiveProcess.RunVerbAsync(database.Path, ["users", "add", "--email", "late@example.com", "--role", "editor", "--password-stdin"], Infrastructure.Editors.Password));

        DurabilityRun.Report(output, $"two processes: {figures}; cli exit {cli.ExitCode}");
        figures.AssertClean();
        Assert.True(cli.ExitCode == 0, cli.Output);
        using var late = await DeskBurst.SignInAsync(second.Address, "late@example.com");
        AssertNoErrorLines(first);
        AssertNoErrorLines(second);
        var (code, checkOutput) = await ArchiveProcess.RunVerbAsync(database.Path, ["check"]);
        Assert.True(code == 0, checkOutput);
    }

    private static void AssertNoErrorLines(ArchiveProcess app)
    {
        var lines = app.ErrorLines();
        Assert.True(lines.Count == 0, string.Join(Environment.NewLine, lines));
    }

    /// <summary>Editors spread over <paramref name="apps"/>, two readers per app, then the audit of the file.</summary>
    private static async Task<StormFigures> StormAsync(IReadOnlyList<ArchiveProcess> apps, int editors, int saves, string prefix, Func<Task>? during)
    {
        using var admin = await DeskBurst.SignInAsync(apps[0].Address, "storm-admin@example.com");
        var pieces = await DeskBurst.CreatePiecesAsync(admin, Pieces);
        var emails = await DeskBurst.AddEditorsAsync(admin, editors, prefix);
        var clients = new List<HttpClient>();
        for (var i = 0; i < emails.Count; i++)
        {
            clients.Add(await DeskBurst.SignInAsync(apps[i % apps.Count].Address, emails[i]));
        }

        var ledger = new DeskLedger();
        using var stopReading = new CancellationTokenSource();
        var readers = apps.SelectMany(app => Enumerable.Range(0, 2).Select(_ => Task.Run(() => DeskBurst.ReadAsync(app.Address, pieces, stopReading.Token)))).ToList();
        var clock = Stopwatch.StartNew();
        var workers = clients.Select((client, i) => Task.Run(() =>
            DeskBurst.RunAsync(client, pieces, saves, $"{prefix} editor {i}", ledger, new Random(i), withSteps: false, CancellationToken.None))).ToList();
        if (during is not null)
        {
            await during();
        }

        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        await stopReading.CancelAsync();
        var read = await Task.WhenAll(readers);
        clients.ForEach(c => c.Dispose());

        var (found, lost, problems) = await ArchiveAudit.AuditAsync(apps[0].DatabasePath, ledger.Acknowledged);
        return new StormFigures(
            editors, saves, elapsed, ledger.Acknowledged.Count, ledger.Conflicts, ledger.ConflictPagesWithoutTheirText, found, lost.Count, problems,
            ledger.ServerErrors, ledger.OtherAnswers, ledger.Unanswered, read.Sum(r => r.Requests), read.Sum(r => r.ServerErrors),
            apps.Sum(a => a.ErrorLines().Count));
    }

    private sealed record StormFigures(
        int Editors, int Saves, TimeSpan Elapsed, int Acknowledged, long Conflicts, long ConflictsWithoutText, int Found, int Lost, IReadOnlyList<string> Problems,
        long DeskServerErrors, long OtherAnswers, long Unanswered, long Reads, long ReadServerErrors, int LockedOrErrorLogLines)
    {
        public void AssertClean()
        {
            Assert.Equal(Editors * Saves, Acknowledged + Conflicts + OtherAnswers + DeskServerErrors + Unanswered);
            Assert.True(Lost == 0 && Found == Acknowledged, ToString());
            Assert.True(Problems.Count == 0, string.Join("; ", Problems));
            Assert.True(DeskServerErrors + ReadServerErrors + OtherAnswers + Unanswered + ConflictsWithoutText == 0, ToString());
            Assert.True(Acknowledged > 0 && Reads > 0, ToString());
            Assert.Equal(0, LockedOrErrorLogLines);
        }

        public override string ToString() =>
            $"{Editors} editors x {Saves} saves in {Elapsed.TotalSeconds:0.0}s: acknowledged {Acknowledged}, refused with the 409 conflict page {Conflicts}, "
            + $"found {Found}, lost {Lost}, corrupt {Problems.Count}, desk 5xx {DeskServerErrors}, other answers {OtherAnswers}, unanswered {Unanswered}, "
            + $"public reads {Reads} with 5xx {ReadServerErrors}, 'database is locked'/error log lines {LockedOrErrorLogLines}";
    }
}

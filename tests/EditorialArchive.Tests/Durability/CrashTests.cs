using System.Diagnostics;
using Xunit.Abstractions;

namespace EditorialArchive.Tests.Durability;

/// <summary>
/// kill -9 of the real app process in the middle of a burst of desk saves and workflow steps, then a restart on the
/// same file: every acknowledged save is there, the file and its derived tables are whole. CI runs 3 rounds;
/// tests/Durability/crash.sh runs 20 (DURABILITY_CRASH_ROUNDS).
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Editors = 6;

    [Fact]
    public async Task Killed_mid_burst_the_restarted_archive_keeps_every_acknowledged_save_and_is_whole()
    {
        var rounds = DurabilityRun.Setting("DURABILITY_CRASH_ROUNDS", 3);
        using var database = await DurabilityRun.NewArchiveAsync("crash-admin@example.com");
        var ledger = new DeskLedger();
        IReadOnlyList<long>? pieces = null;
        var corrupt = 0;
        var clock = Stopwatch.StartNew();
        for (var round = 1; round <= rounds; round++)
        {
            await using var app = await ArchiveProcess.StartAsync(database.Path);
            using var admin = await DeskBurst.SignInAsync(app.Address, "crash-admin@example.com");
            pieces ??= await DeskBurst.CreatePiecesAsync(admin, 20);
            var editors = new List<HttpClient>();
            for (var i = 0; i < Editors; i++)
            {
                editors.Add(await DeskBurst.SignInAsync(app.Address, "crash-admin@example.com"));
            }

            var before = ledger.Acknowledged.Count;
            using var stop = new CancellationTokenSource();
            var workers = editors.Select((editor, i) => Task.Run(() =>
                DeskBurst.RunAsync(editor, pieces, int.MaxValue, $"round {round} editor {i}", ledger, new Random((round * 100) + i), withSteps: true, stop.Token))).ToList();

            // Mid-burst: once saves are landing, after a random moment more, with requests in flight.
            var waited = Stopwatch.StartNew();
            while (ledger.Acknowledged.Count - before < 10 && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(20);
            }

            await Task.Delay(Random.Shared.Next(50, 600));
            await app.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            editors.ForEach(e => e.Dispose());

            var (found, lost, problems) = await ArchiveAudit.AuditAsync(database.Path, ledger.Acknowledged);
            corrupt += problems.Count;
            DurabilityRun.Report(output, $"crash round {round}: acknowledged {ledger.Acknowledged.Count}, found {found}, lost {lost.Count}, corrupt {problems.Count}, cut off {ledger.Unanswered}");
            Assert.True(lost.Count == 0, $"round {round} lost: {string.Join("; ", lost.Take(5))}");
            Assert.True(problems.Count == 0, $"round {round}: {string.Join("; ", problems)}");
        }

        var final = await ArchiveAudit.AuditAsync(database.Path, ledger.Acknowledged);
        DurabilityRun.Report(output, $"crash: {rounds} rounds in {clock.Elapsed.TotalSeconds:0}s: acknowledged {ledger.Acknowledged.Count}, found {final.Found}, lost {final.Lost.Count}, corrupt {corrupt + final.Problems.Count} (steps {ledger.Steps}, conflicts {ledger.Conflicts}, cut off by the kill {ledger.Unanswered}, 5xx {ledger.ServerErrors})");
        Assert.True(ledger.Acknowledged.Count >= rounds * 10, "the bursts saved too little to prove anything");
        Assert.Equal(0, ledger.ServerErrors);
    }
}

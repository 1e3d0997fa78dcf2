using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EditorialArchive.Tests.Nodes;

/// <summary>Two app instances over one SQLite file, each with its scheduled publisher: a due piece is published once.</summary>
public sealed class SchedulerLeaseTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly NodeAppFactory a;
    private readonly NodeAppFactory b;

    public SchedulerLeaseTests()
    {
        a = new NodeAppFactory(database.Path, []);
        b = new NodeAppFactory(database.Path, []);
        _ = a.Services;
        _ = b.Services;
    }

    public void Dispose()
    {
        b.Dispose();
        a.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task Both_nodes_running_rounds_at_once_publish_a_due_piece_exactly_once()
    {
        var id = await ScheduleDuePieceAsync("Both nodes at once");
        var publishers = new[] { Publisher(a), Publisher(b) };

        var rounds = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => publishers[i % 2].RunRoundAsync(CancellationToken.None))));

        Assert.Equal([id], rounds.Where(r => r is not null).SelectMany(r => r!).ToList());
        // Only the node holding the lease did rounds at all.
        Assert.Single(rounds.Select((r, i) => (Ran: r is not null, Node: i % 2)).Where(r => r.Ran).Select(r => r.Node).Distinct());
        await AssertPublishedOnceAsync(id);
    }

    [Fact]
    public async Task Without_the_lease_two_nodes_rounds_at_once_still_publish_once_as_the_update_takes_only_scheduled_pieces()
    {
        var id = await ScheduleDuePieceAsync("Desks at once");
        var desks = new[] { a.Services.GetRequiredService<ArticleDesk>(), b.Services.GetRequiredService<ArticleDesk>() };

        var rounds = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => desks[i % 2].PublishDueAsync(CancellationToken.None))));

        Assert.Equal([id], rounds.SelectMany(r => r).ToList());
        await AssertPublishedOnceAsync(id);
    }

    [Fact]
    public async Task The_other_node_takes_the_lease_over_only_once_it_has_expired_and_the_holder_gives_it_up_at_shutdown()
    {
        var leases = a.Services.GetRequiredService<SchedulerLeaseRepository>();
        var now = a.Clock.GetUtcNow();
        var length = TimeSpan.FromMinutes(1);
        await leases.ReleaseAsync(ScheduledPublisher.LeaseName, Publisher(a).Holder, CancellationToken.None);
        await leases.ReleaseAsync(ScheduledPublisher.LeaseName, Publisher(b).Holder, CancellationToken.None);

        Assert.True(await leases.TryTakeAsync(ScheduledPublisher.LeaseName, "node-a", now, length, CancellationToken.None));
        Assert.False(await leases.TryTakeAsync(ScheduledPublisher.LeaseName, "node-b", now.AddSeconds(59), length, CancellationToken.None));
        Assert.True(await leases.TryTakeAsync(ScheduledPublisher.LeaseName, "node-a", now.AddSeconds(30), length, CancellationToken.None));
        Assert.False(await leases.TryTakeAsync(ScheduledPublisher.LeaseName, "node-b", now.AddSeconds(89), length, CancellationToken.None));
        Assert.True(await leases.TryTakeAsync(ScheduledPublisher.LeaseName, "node-b", now.AddSeconds(90), length, CancellationToken.None));
        Assert.False(await leases.TryTakeAsync(ScheduledPublisher.LeaseName, "node-a", now.AddSeconds(91), length, CancellationToken.None));

        await leases.ReleaseAsync(ScheduledPublisher.LeaseName, "node-a", CancellationToken.None);
        Assert.False(await leases.TryTakeAsync(ScheduledPublisher.LeaseName, "node-a", now.AddSeconds(92), length, CancellationToken.None));
        await leases.ReleaseAsync(ScheduledPublisher.LeaseName, "node-b", CancellationToken.None);
        Assert.True(await leases.TryTakeAsync(ScheduledPublisher.LeaseName, "node-a", now.AddSeconds(93), length, CancellationToken.None));
    }

    private static ScheduledPublisher Publisher(NodeAppFactory node) =>
        node.Services.GetServices<IHostedService>().OfType<ScheduledPublisher>().Single();

    /// <summary>A piece scheduled through the desk, then its time written into the past (the desk refuses a past time).</summary>
    private async Task<long> ScheduleDuePieceAsync(string headline)
    {
        var desk = a.Services.GetRequiredService<ArticleDesk>();
        var actor = new AuditEvent(null, "test", "");
        var slug = SlugGenerator.FromHeadline(headline);
        var created = await desk.CreateAsync(new ArticleContent(headline, slug, Languages.English, "editorial", null, "Body.", null, null, null), actor, CancellationToken.None);
        var id = created.ArticleId!.Value;
        Assert.Equal(DeskOutcome.Done, (await desk.ScheduleAsync(id, 1, UtcInstant.Truncate(a.Clock.GetUtcNow()).AddMinutes(5), actor, CancellationToken.None)).Outcome);
        await using var connection = await a.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("UPDATE articles SET publish_at = @At WHERE id = @Id", new { At = UtcInstant.Format(a.Clock.GetUtcNow().AddMinutes(-5)), Id = id });
        return id;
    }

    private async Task AssertPublishedOnceAsync(long id)
    {
        Assert.Equal(ArticleStatus.Published, (await DeskPages.StoredAsync(b, id)).Status);
        await using var connection = await a.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE target_type = 'article' AND target_id = @Id AND action = @Action", new { Id = id, Action = AuditActions.ArticlePublished }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM article_revisions WHERE article_id = @Id AND actor_email = @Scheduler", new { Id = id, Scheduler = ArticleDesk.SchedulerActor }));
        // Created (1), scheduled (2), published once (3).
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>("SELECT version FROM articles WHERE id = @Id", new { Id = id }));
    }
}

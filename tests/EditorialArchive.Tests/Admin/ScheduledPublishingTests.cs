using System.Net;
using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Accounts;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Admin;

public sealed class ScheduledPublishingTests(DeskAppFactory app) : IClassFixture<DeskAppFactory>
{
    private DateTimeOffset Now => UtcInstant.Truncate(app.Clock.GetUtcNow());

    [Fact]
    public async Task A_scheduled_piece_is_published_by_the_scheduler_when_its_time_comes_and_not_before()
    {
        await Editors.CreateAsync(app, "scheduler@example.com");
        var editor = await Editors.SignedInAsync(app, "scheduler@example.com");
        var id = await DeskPages.CreateAsync(editor, "Morning edition");
        var zone = app.Services.GetRequiredService<ArchiveTime>().Zone;
        var publishAt = Now.AddHours(2);

        await DeskPages.StepOkAsync(editor, id, "schedule", new Dictionary<string, string> { ["PublishAt"] = LocalTimeInput.ToInput(publishAt, zone) });

        var scheduled = await DeskPages.StoredAsync(app, id);
        Assert.Equal((ArticleStatus.Scheduled, publishAt, (DateTimeOffset?)null), (scheduled.Status, scheduled.PublishAt, scheduled.PostedAt));
        var list = await Html.GetAsync(editor, "/admin?status=scheduled");
        Assert.Equal("scheduled", list.Single($"tr[data-id='{id}'] .badge-scheduled").Text());

        var desk = app.Services.GetRequiredService<ArticleDesk>();
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await desk.PublishDueAsync(CancellationToken.None));
        using (var early = await app.CreateBrowserlessClient().GetAsync($"/en/articles/{id}/morning-edition"))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal([id], await desk.PublishDueAsync(CancellationToken.None));

        var published = await DeskPages.StoredAsync(app, id);
        Assert.Equal((ArticleStatus.Published, publishAt, publishAt), (published.Status, published.PostedAt, published.UpdatedAt));
        using (var live = await app.CreateBrowserlessClient().GetAsync($"/en/articles/{id}/morning-edition"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        await using var connection = await app.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        var audit = (await connection.QueryAsync<(string Action, long? UserId, string? Email)>(
            "SELECT action, actor_user_id, actor_email FROM audit_log WHERE target_type = 'article' AND target_id = @Id ORDER BY id", new { Id = id })).AsList();
        Assert.Equal(
            [(AuditActions.ArticleCreated, false, "scheduler@example.com"), (AuditActions.ArticleScheduled, false, "scheduler@example.com"), (AuditActions.ArticlePublished, true, ArticleDesk.SchedulerActor)],
            audit.Select(a => (a.Action, a.UserId is null, a.Email)).ToList());
        Assert.Empty(await desk.PublishDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Scheduling_in_the_past_is_refused_and_unpublishing_a_scheduled_piece_cancels_it()
    {
        await Editors.CreateAsync(app, "past@example.com");
        var editor = await Editors.SignedInAsync(app, "past@example.com");
        var id = await DeskPages.CreateAsync(editor, "Yesterday's news");
        var zone = app.Services.GetRequiredService<ArchiveTime>().Zone;

        using var past = await DeskPages.StepAsync(editor, id, "schedule", new Dictionary<string, string> { ["PublishAt"] = LocalTimeInput.ToInput(Now.AddMinutes(-5), zone) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        Assert.Equal("Choose a publishing time in the future, or publish now.", (await Html.ParseAsync(past)).Single(".notice-error").Text());
        Assert.Equal(ArticleStatus.Draft, (await DeskPages.StoredAsync(app, id)).Status);

        await DeskPages.StepOkAsync(editor, id, "schedule", new Dictionary<string, string> { ["PublishAt"] = LocalTimeInput.ToInput(Now.AddMinutes(30), zone) });
        await DeskPages.StepOkAsync(editor, id, "unpublish");
        app.Clock.Advance(TimeSpan.FromHours(1));

        Assert.DoesNotContain(id, await app.Services.GetRequiredService<ArticleDesk>().PublishDueAsync(CancellationToken.None));
        Assert.Equal(ArticleStatus.Unpublished, (await DeskPages.StoredAsync(app, id)).Status);
    }
}

/// <summary>The scheduler's own loop, driven by the fake clock alone: nobody calls it.</summary>
public sealed class ScheduledPublisherLoopTests(ScheduledPublisherLoopTests.Factory app) : IClassFixture<ScheduledPublisherLoopTests.Factory>
{
    public sealed class Factory : DeskAppFactory
    {
        protected override string PublishCheckInterval => "00:00:30";
    }

    [Fact]
    public async Task The_hosted_publisher_publishes_a_due_piece_when_the_clock_passes_its_time()
    {
        var desk = app.Services.GetRequiredService<ArticleDesk>();
        var actor = new AuditEvent(null, "test", "");
        var created = await desk.CreateAsync(new ArticleContent("Loop test", "loop-test", Languages.English, "editorial", null, "Body.", null, null, null), actor, CancellationToken.None);
        var id = created.ArticleId!.Value;
        var publishAt = UtcInstant.Truncate(app.Clock.GetUtcNow()).AddMinutes(10);
        Assert.Equal(DeskOutcome.Done, (await desk.ScheduleAsync(id, 1, publishAt, actor, CancellationToken.None)).Outcome);

        app.Clock.Advance(TimeSpan.FromMinutes(11));

        // The timer fired on the fake clock; the loop runs on a pool thread, so give it (real) time to finish.
        var status = "";
        for (var attempt = 0; attempt < 200 && status != ArticleStatus.Published; attempt++)
        {
            status = (await DeskPages.StoredAsync(app, id)).Status;
            if (status != ArticleStatus.Published)
            {
                await Task.Delay(50);
            }
        }

        Assert.Equal(ArticleStatus.Published, status);
        Assert.Equal(publishAt, (await DeskPages.StoredAsync(app, id)).PostedAt);
    }
}

/// <summary>A piece that fell due while the app was down is published when it starts, before any timer tick.</summary>
public sealed class ScheduledPublisherStartupTests(DeskAppFactory app) : IClassFixture<DeskAppFactory>
{
    [Fact]
    public async Task A_piece_due_while_the_app_was_stopped_is_published_at_start_up()
    {
        // Prepare the database before the host exists: migrated, with one piece scheduled an hour before "now".
        var connections = new SqliteConnectionFactory($"Data Source={app.DatabasePath}");
        await new MigrationRunner(connections, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance)
            .ApplyAsync(Migration.LoadEmbedded(), CancellationToken.None);
        var publishAt = app.Clock.GetUtcNow().AddHours(-1);
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO articles (id, slug, language, headline, section_id, body_markdown, body_html, status, publish_at, created_at, modified_at)
                VALUES (7, 'overnight', 'en', 'Overnight', 1, 'Body.', '<p>Body.</p>', 'scheduled', @PublishAt, @PublishAt, @PublishAt)
                """,
                new { PublishAt = UtcInstant.Format(publishAt) });
        }

        // Starting the host starts the publisher; the clock does not move.
        var status = "";
        for (var attempt = 0; attempt < 200 && status != ArticleStatus.Published; attempt++)
        {
            status = (await DeskPages.StoredAsync(app, 7)).Status;
            if (status != ArticleStatus.Published)
            {
                await Task.Delay(50);
            }
        }

        Assert.Equal(ArticleStatus.Published, status);
        using var page = await app.CreateBrowserlessClient().GetAsync("/en/articles/7/overnight");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}

using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Publishes scheduled pieces when their time comes, with no one acting: at start-up and then every
/// <see cref="DeskOptions.PublishCheckInterval"/> on the injected clock. Publishing flips the stored status, so every
/// query that reads <c>status = 'published'</c> sees the piece without knowing about schedules.
/// Several nodes over one database each run this loop; a round is done only by the node holding the
/// <see cref="LeaseName"/> lease (migration 016), renewed each round and given up at shutdown. (The publishing
/// UPDATE only takes pieces still scheduled, inside a write transaction, so even two rounds at once could not publish
/// a piece twice; the lease keeps the other nodes from doing the work at all.)
/// </summary>
public sealed partial class ScheduledPublisher(
    ArticleDesk desk, SchedulerLeaseRepository leases, TimeProvider clock, IOptions<DeskOptions> options, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    public const string LeaseName = "scheduled-publisher";

    /// <summary>This instance, as the lease names it.</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Two check intervals: a holder that misses one round keeps the lease, one that stopped loses it soon.</summary>
    public TimeSpan LeaseLength => options.Value.PublishCheckInterval * 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PublishCheckInterval, clock);
        do
        {
            await PublishDueOnceAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));

        await ReleaseAsync();
    }

    /// <summary>One round: publishes what is due when this node holds the lease; null when another node does.</summary>
    public async Task<IReadOnlyList<long>?> RunRoundAsync(CancellationToken cancellationToken)
    {
        if (!await leases.TryTakeAsync(LeaseName, Holder, clock.GetUtcNow(), LeaseLength, cancellationToken))
        {
            return null;
        }

        return await desk.PublishDueAsync(cancellationToken);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task PublishDueOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var published = await RunRoundAsync(stoppingToken);
            if (published is { Count: > 0 })
            {
                LogPublished(published.Count, string.Join(", ", published));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // One failed round (a locked or missing database) must not stop the loop; the next tick retries.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(ex);
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await leases.ReleaseAsync(LeaseName, Holder, CancellationToken.None);
        }
#pragma warning disable CA1031 // Best effort at shutdown: an unreleased lease only expires.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReleaseFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not give up the scheduled publisher's lease; it expires by itself")]
    private partial void LogReleaseFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} scheduled piece(s): {Ids}")]
    private partial void LogPublished(int count, string ids);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing scheduled pieces failed; retrying at the next check")]
    private partial void LogFailed(Exception exception);
}

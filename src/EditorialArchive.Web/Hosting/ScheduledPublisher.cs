using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Configuration;
using Microsoft.Extensions.Options;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Publishes scheduled pieces when their time comes, with no one acting: at start-up and then every
/// <see cref="DeskOptions.PublishCheckInterval"/> on the injected clock. Publishing flips the stored status, so every
/// query that reads <c>status = 'published'</c> sees the piece without knowing about schedules.
/// </summary>
public sealed partial class ScheduledPublisher(ArticleDesk desk, TimeProvider clock, IOptions<DeskOptions> options, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PublishCheckInterval, clock);
        do
        {
            await PublishDueOnceAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
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
            var published = await desk.PublishDueAsync(stoppingToken);
            if (published.Count > 0)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} scheduled piece(s): {Ids}")]
    private partial void LogPublished(int count, string ids);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing scheduled pieces failed; retrying at the next check")]
    private partial void LogFailed(Exception exception);
}

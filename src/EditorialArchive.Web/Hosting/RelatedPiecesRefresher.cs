using EditorialArchive.Web.Reading;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Keeps the stored related lists current in the background: every second it computes the lists that are due (new
/// and re-titled pieces, and pieces whose list names one that changed status), a batch at a time, then tells the
/// page cache. Until a new piece's first list is stored (within about a second), its page asks the search index.
/// </summary>
public sealed partial class RelatedPiecesRefresher(RelatedPiecesRefresh refresh, ArchivePageCache pageCache, ILogger<RelatedPiecesRefresher> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private static readonly TimeSpan IdleInterval = TimeSpan.FromSeconds(1);

    // A large backlog (an archive that predates stored lists) is worked off at about a fifth of one core, so readers
    // keep the rest: after a full batch the refresher rests four times as long as the batch took.
    private const int RestPerWork = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = Environment.TickCount64;
            var refreshed = await RefreshOnceAsync(stoppingToken);
            var took = TimeSpan.FromMilliseconds(Environment.TickCount64 - started);
            try
            {
                await Task.Delay(refreshed == BatchSize ? took * RestPerWork : IdleInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int> RefreshOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var refreshed = await refresh.RefreshBatchAsync(BatchSize, stoppingToken);
            if (refreshed > 0)
            {
                await pageCache.EvictAsync();
            }

            return refreshed;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return 0;
        }
#pragma warning disable CA1031 // One failed round (a locked or missing database) must not stop the loop; the next round retries.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(ex);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Computing related pieces failed; the next round retries")]
    private partial void LogFailed(Exception ex);
}

using EditorialArchive.Web.Data;

namespace EditorialArchive.Web.Hosting;

/// <summary>At start-up, recounts the archive's months if Archive:TimeZone changed since they were counted.</summary>
public sealed class ArchiveCountsZoneCheck(ArchiveCountsRepository counts, ILogger<ArchiveCountsZoneCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await counts.RecountIfZoneChangedAsync(cancellationToken))
        {
            logger.LogInformation("Recounted the archive's months in the newly configured time zone");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

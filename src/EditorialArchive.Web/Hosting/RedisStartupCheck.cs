namespace EditorialArchive.Web.Hosting;

/// <summary>Connects to Redis at start-up and says in the log whether the node shares its cache and keys, or cannot.</summary>
public sealed partial class RedisStartupCheck(ArchiveRedis redis, ILogger<RedisStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis.IsConnected)
        {
            LogConnected(redis.Endpoints, redis.KeyPrefix);
        }
        else
        {
            LogUnreachable(RedisHealthCheck.Unreachable(redis));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sharing data-protection keys and the page cache through Redis at {Endpoints} (keys under {Prefix})")]
    private partial void LogConnected(string endpoints, string prefix);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message} (/healthz reports Degraded)")]
    private partial void LogUnreachable(string message);
}

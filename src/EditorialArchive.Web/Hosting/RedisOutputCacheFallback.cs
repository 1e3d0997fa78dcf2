using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Wraps the Redis page store so that an unreachable server means a cache miss, never a failed page: while the
/// connection is down, lookups miss at once (no timeout waited for) and nothing is stored. An eviction that could not
/// reach Redis is made good by emptying the whole cache on the first operation after it is back, since this node no
/// longer knows which stale pages other nodes stored meanwhile.
/// </summary>
public sealed partial class RedisOutputCacheFallback(IOutputCacheStore inner, ArchiveRedis redis, ILogger<RedisOutputCacheFallback> logger) : IOutputCacheStore
{
    private int evictionMissed;
    private long warnedAt = long.MinValue / 2;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync())
        {
            return null;
        }

        try
        {
            return await inner.GetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Warn(ex);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync())
        {
            return;
        }

        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Warn(ex);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected)
        {
            Interlocked.Exchange(ref evictionMissed, 1);
            Warn(null);
            return;
        }

        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Interlocked.Exchange(ref evictionMissed, 1);
            Warn(ex);
        }
    }

    /// <summary>Connected, with any eviction missed while it was not made good first.</summary>
    private async ValueTask<bool> ReadyAsync()
    {
        if (!redis.IsConnected)
        {
            Warn(null);
            return false;
        }

        if (Interlocked.Exchange(ref evictionMissed, 0) == 1)
        {
            try
            {
                await inner.EvictByTagAsync(ArchivePageTags.Everything, CancellationToken.None);
                LogEmptied();
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                Interlocked.Exchange(ref evictionMissed, 1);
                Warn(ex);
                return false;
            }
        }

        return true;
    }

    /// <summary>At most one warning every ten seconds: a down server would otherwise log on every request.</summary>
    private void Warn(Exception? exception)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref warnedAt);
        if (now - last >= 10_000 && Interlocked.CompareExchange(ref warnedAt, now, last) == last)
        {
            LogUnreachable(exception, RedisHealthCheck.Unreachable(redis));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    private partial void LogUnreachable(Exception? exception, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is back: emptied the shared page cache, as evictions were missed while it was away")]
    private partial void LogEmptied();
}

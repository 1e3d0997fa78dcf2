using EditorialArchive.Web.Configuration;
using StackExchange.Redis;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// The one connection to the Redis server the site's nodes share (<see cref="ArchiveOptions.Redis"/>), opened on first
/// use so that CLI verbs never connect. It never refuses to open: while the server is unreachable it reconnects in the
/// background and <see cref="IsConnected"/> is false, so readers' pages are rendered uncached instead of failing.
/// </summary>
public sealed class ArchiveRedis : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> multiplexer;

    public ArchiveRedis(string configuration, string keyPrefix)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // Connect in the background when the server is down at start-up, instead of throwing.
        options.AbortOnConnectFail = false;
        Endpoints = string.Join(", ", options.EndPoints.Select(e => e.ToString()));
        KeyPrefix = keyPrefix;
        multiplexer = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
    }

    /// <summary>Null when no Redis is configured (the single-node default).</summary>
    public static ArchiveRedis? FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(ArchiveOptions.SectionName);
        var value = section[nameof(ArchiveOptions.Redis)];
        return string.IsNullOrWhiteSpace(value)
            ? null
            : new ArchiveRedis(value, section[nameof(ArchiveOptions.RedisKeyPrefix)] ?? new ArchiveOptions().RedisKeyPrefix);
    }

    public string Endpoints { get; }

    public string KeyPrefix { get; }

    /// <summary>The Redis list holding the data-protection key ring.</summary>
    public RedisKey DataProtectionKey => KeyPrefix + "data-protection-keys";

    public IConnectionMultiplexer Multiplexer => multiplexer.Value;

    public bool IsConnected => Multiplexer.IsConnected;

    public void Dispose()
    {
        if (multiplexer.IsValueCreated)
        {
            multiplexer.Value.Dispose();
        }
    }
}

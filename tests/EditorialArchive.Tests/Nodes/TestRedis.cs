namespace EditorialArchive.Tests.Nodes;

/// <summary>The real Redis the multi-node tests share, named by <c>ARCHIVE_TEST_REDIS</c> (host:port).</summary>
public static class TestRedis
{
    public const string Variable = "ARCHIVE_TEST_REDIS";

    /// <summary>Throws, failing the test, when the variable is missing: these tests must not pass without a server.</summary>
    public static string Address =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } address
            ? address
            : throw new InvalidOperationException(
                $"{Variable} is not set: the multi-node tests need a real Redis server (host:port). tests/run.sh starts one; " +
                $"by hand: redis-server --port 6391 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes && export {Variable}=127.0.0.1:6391");

    /// <summary>Settings that put a node's keys and cached pages under a prefix of the test's own.</summary>
    public static KeyValuePair<string, string?>[] Settings(string prefix) =>
    [
        new("Archive:Redis", Address),
        new("Archive:RedisKeyPrefix", prefix),
    ];
}

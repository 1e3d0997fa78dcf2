using Dapper;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Durability;

/// <summary>synchronous = FULL (2) on every connection the app opens, new or from the pool (Data/DURABILITY.md).</summary>
public sealed class SynchronousSettingTests
{
    [Fact]
    public async Task Every_connection_new_or_pooled_runs_with_synchronous_full()
    {
        using var database = new TempDatabase();
        var connections = database.CreateFactory();
        for (var i = 0; i < 3; i++)
        {
            await using var connection = await connections.OpenAsync(CancellationToken.None);
            Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"));
        }

        await using var first = await connections.OpenAsync(CancellationToken.None);
        await using var second = await connections.OpenAsync(CancellationToken.None);
        Assert.Equal((2L, 2L), (await first.ExecuteScalarAsync<long>("PRAGMA synchronous"), await second.ExecuteScalarAsync<long>("PRAGMA synchronous")));
    }
}

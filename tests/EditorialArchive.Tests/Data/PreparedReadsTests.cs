using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Data;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Tests.Data;

/// <summary>
/// The long-lived read connections with their statements kept prepared: each read sees what was committed before it,
/// leaves no transaction open behind it, and a connection a read failed on is not used again.
/// </summary>
public sealed class PreparedReadsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2024, 5, 1, 3, 0, 0, TimeSpan.Zero);

    private readonly ArchiveDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    private PreparedReads Reads => database.Connections.Reads;

    [Fact]
    public async Task A_read_on_a_kept_connection_sees_a_write_committed_after_its_statement_was_prepared()
    {
        var ids = await database.InsertAsync(ArchiveDatabase.Piece("en", "First headline", "Text.", Day));
        var before = await database.Articles.GetPublishedByIdAsync(ids[0], CancellationToken.None);

        await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE articles SET headline = 'Second headline' WHERE id = @Id", new { Id = ids[0] });
        }

        var after = await database.Articles.GetPublishedByIdAsync(ids[0], CancellationToken.None);

        Assert.Equal(("First headline", "Second headline"), (before!.Headline, after!.Headline));
        // One connection served both reads, one after the other.
        Assert.Equal((1, 1L), (Reads.IdleCount, Reads.Opened));
    }

    [Fact]
    public async Task A_kept_connection_holds_no_transaction_so_a_checkpoint_can_take_the_whole_log()
    {
        var ids = await database.InsertAsync(ArchiveDatabase.Piece("en", "A piece", "Text.", Day), ArchiveDatabase.Piece("en", "Another piece", "Text.", Day.AddDays(1)));
        // A read that stops after the first of several rows (FirstOrDefault) still resets its statement.
        var rows = await Reads.QueryAsync<long>("SELECT id FROM articles ORDER BY id", [], CancellationToken.None);
        Assert.Equal(ids, rows.TakeLast(2));
        await database.Articles.GetPublishedByIdAsync(ids[0], CancellationToken.None);

        Assert.False(Reads.AnyIdleBusy());
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("UPDATE articles SET headline = 'Changed' WHERE id = @Id", new { Id = ids[1] });
        // A reader holding a snapshot would leave frames in the log that TRUNCATE cannot take (busy = 1).
        var (busy, _, _) = await connection.QuerySingleAsync<(long, long, long)>("PRAGMA wal_checkpoint(TRUNCATE)");
        Assert.Equal(0, busy);
    }

    [Fact]
    public async Task A_connection_a_read_failed_on_is_closed_not_kept()
    {
        await database.Articles.GetPublishedByIdAsync(1, CancellationToken.None);
        Assert.Equal(1, Reads.IdleCount);

        await Assert.ThrowsAsync<SqliteException>(() => Reads.QueryAsync<long>("SELECT id FROM no_such_table", [], CancellationToken.None));
        Assert.Equal(0, Reads.IdleCount);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Reads.QueryAsync<long>("SELECT 1", [], cancelled.Token));
        Assert.Equal(0, Reads.IdleCount);

        Assert.Empty(await Reads.QueryAsync<long>("SELECT id FROM articles WHERE id = @Id", [("@Id", -1L)], CancellationToken.None));
        Assert.Equal(1, Reads.IdleCount);
    }

    [Fact]
    public async Task The_same_statement_takes_new_values_each_time()
    {
        var ids = await database.InsertAsync(ArchiveDatabase.Piece("en", "One", "Text.", Day), ArchiveDatabase.Piece("ko", "둘", "본문", Day));

        var one = await database.Articles.GetPublishedByIdAsync(ids[0], CancellationToken.None);
        var two = await database.Articles.GetPublishedByIdAsync(ids[1], CancellationToken.None);
        var none = await database.Articles.GetPublishedByIdAsync(-1, CancellationToken.None);

        Assert.Equal(("One", "둘"), (one!.Headline, two!.Headline));
        Assert.Null(none);
    }
}

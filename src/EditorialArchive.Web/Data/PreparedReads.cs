using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.InteropServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>
/// The hot reads of public pages (an uncached article page runs four) on a few long-lived open connections that keep
/// each statement prepared, by its SQL text. Microsoft.Data.Sqlite has no statement cache (dotnet/efcore#14044), and a
/// pooled connection disposes its commands' statements when it closes, so through <see cref="SqliteConnectionFactory.OpenAsync"/>
/// every read parses and plans its SQL afresh (about two thirds of the SQLite time of an uncached article page) and
/// registers the archive's SQL functions again. Here a read binds its values, steps, and resets.
/// Dapper still maps the rows (<see cref="SqlMapper.GetRowParser{T}(DbDataReader, Type?, int, int, bool)"/>).
/// A connection goes back only when the read succeeded and left no statement running (so no read transaction stays
/// open on it, which would pin an old snapshot); after any failure it is closed. Writes never use it.
/// </summary>
public sealed partial class PreparedReads : IDisposable
{
    /// <summary>
    /// Idle connections kept; more may be open at a busy moment, and are closed when they come back. Reads block their
    /// thread (SQLite's API is synchronous), so as many run at once as the thread pool has threads in them: on 2 cores
    /// under 8 crawling connections, up to 8. A connection costs its page cache (at most 2 MB) and its statements.
    /// </summary>
    public static readonly int MaxIdle = Math.Max(16, Environment.ProcessorCount * 4);

    private readonly SqliteConnectionFactory connections;
    private readonly ConcurrentBag<Session> idle = [];
    private int idleCount;
    private long opened;
    private bool disposed;

    internal PreparedReads(SqliteConnectionFactory connections) => this.connections = connections;

    /// <summary>The rows of <paramref name="sql"/>, each mapped by Dapper to <typeparamref name="T"/>.</summary>
    public Task<List<T>> QueryAsync<T>(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken cancellationToken) =>
        QueryAsync(sql, parameters, static reader => reader.GetRowParser<T>(), cancellationToken);

    /// <summary>
    /// The rows of <paramref name="sql"/>, mapped by the parser <paramref name="rowParser"/> makes from the reader's
    /// columns (Dapper's row parsers, e.g. several over column ranges for a row that holds more than one object).
    /// </summary>
    public async Task<List<T>> QueryAsync<T>(
        string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<DbDataReader, Func<DbDataReader, T>> rowParser, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var session = Rent();
        var rows = new List<T>();
        try
        {
            var command = session.Command(sql);
            Bind(command.Parameters, parameters);
            // Disposing the reader resets the statement (the read transaction ends) and keeps it prepared.
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                var parse = rowParser(reader);
                do
                {
                    rows.Add(parse(reader));
                }
                while (await reader.ReadAsync(cancellationToken));
            }
        }
        catch
        {
            session.Dispose();
            throw;
        }

        Return(session);
        return rows;
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    /// <summary>How many connections were opened so far (each one's statements are prepared once).</summary>
    public long Opened => Interlocked.Read(ref opened);

    /// <summary>How many connections are idle now (tests).</summary>
    public int IdleCount => Volatile.Read(ref idleCount);

    /// <summary>Whether any idle connection has a transaction open (tests; <see cref="Return"/> never keeps one).</summary>
    public bool AnyIdleBusy() => idle.Any(s => s.IsBusy());

    private Session Rent()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (idle.TryTake(out var session))
        {
            Interlocked.Decrement(ref idleCount);
            return session;
        }

        var connection = connections.OpenUnpooled();
        Interlocked.Increment(ref opened);
        return new Session(connection);
    }

    private void Return(Session session)
    {
        if (disposed || session.IsBusy())
        {
            session.Dispose();
        }
        else if (Interlocked.Increment(ref idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref idleCount);
            session.Dispose();
        }
        else
        {
            idle.Add(session);
        }
    }

    private const int SqliteTxnNone = 0;

    // SQLitePCLRaw has no binding for it (3.34+); the bundled library is the one Microsoft.Data.Sqlite loaded.
    [LibraryImport("e_sqlite3")]
    private static partial int sqlite3_txn_state(IntPtr db, IntPtr schema);

    private static void Bind(SqliteParameterCollection bound, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        if (bound.Count == parameters.Count)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                if (!string.Equals(bound[i].ParameterName, parameters[i].Name, StringComparison.Ordinal))
                {
                    goto Rebind;
                }
            }

            for (var i = 0; i < parameters.Count; i++)
            {
                bound[i].Value = parameters[i].Value ?? DBNull.Value;
            }

            return;
        }

    Rebind:
        bound.Clear();
        foreach (var (name, value) in parameters)
        {
            bound.AddWithValue(name, value ?? DBNull.Value);
        }
    }

    /// <summary>One open connection and its prepared commands, used by one read at a time.</summary>
    private sealed class Session(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

        public SqliteCommand Command(string sql)
        {
            if (!commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                commands.Add(sql, command);
            }

            return command;
        }

        /// <summary>A transaction open, read or write (a statement not reset holds one): the connection would keep an old snapshot.</summary>
        public bool IsBusy() => connection.Handle is not { IsInvalid: false } handle || sqlite3_txn_state(handle.DangerousGetHandle(), IntPtr.Zero) != SqliteTxnNone;

        public void Dispose()
        {
            foreach (var command in commands.Values)
            {
                command.Dispose();
            }

            commands.Clear();
            connection.Dispose();
        }
    }
}

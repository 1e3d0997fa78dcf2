using Microsoft.Data.Sqlite;

namespace EditorialArchive.Web.Data;

/// <summary>
/// Opens pooled connections to the archive database with foreign keys on and the archive's SQL functions registered,
/// and holds the few long-lived ones the hot reads of public pages share (<see cref="Reads"/>).
/// </summary>
public sealed class SqliteConnectionFactory : IDisposable
{
    private readonly TimeZoneInfo zone;
    private readonly ISqlStatementObserver? statementObserver;
    private readonly Action<SqliteConnection>? opened;
    private readonly string unpooledConnectionString;

    /// <param name="connectionString">The SQLite connection string.</param>
    /// <param name="zone">The newsroom's zone, in which the archive's month counts are kept (default Asia/Seoul).</param>
    /// <param name="statementObserver">Sees every statement run (tests); null in production, where nothing is traced.</param>
    /// <param name="opened">Runs on every connection once it is set up (tests cap the file with <c>PRAGMA max_page_count</c> to fill the disk); null in production.</param>
    public SqliteConnectionFactory(string connectionString, TimeZoneInfo? zone = null, ISqlStatementObserver? statementObserver = null, Action<SqliteConnection>? opened = null)
    {
        this.zone = zone ?? ArchiveSqlFunctions.ZoneOrDefault(null);
        this.statementObserver = statementObserver;
        this.opened = opened;
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY for up to this many seconds (the busy timeout).
            DefaultTimeout = 30,
        };
        if (builder.Mode is SqliteOpenMode.ReadWriteCreate or SqliteOpenMode.ReadWrite
            && !string.IsNullOrEmpty(builder.DataSource)
            && !builder.DataSource.Equals(":memory:", StringComparison.Ordinal))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        ConnectionString = builder.ToString();
        // Their own handles, not the pool's: one closed after a failure is gone, not handed to the next open.
        builder.Pooling = false;
        unpooledConnectionString = builder.ToString();
        Reads = new PreparedReads(this);
        DataSource = builder.DataSource;
        DataDirectory = Path.GetDirectoryName(Path.GetFullPath(string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" ? "archive" : builder.DataSource))!;
        DapperConfiguration.EnsureConfigured();
    }

    public string ConnectionString { get; }

    public string DataSource { get; }

    /// <summary>The folder holding the database file; other app data (keys) lives beside it.</summary>
    public string DataDirectory { get; }

    /// <summary>Reads of public pages on long-lived connections with their statements kept prepared.</summary>
    public PreparedReads Reads { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return SetUp(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection of its own (not from the pool), set up as every other; for <see cref="PreparedReads"/>.</summary>
    internal SqliteConnection OpenUnpooled()
    {
        var connection = new SqliteConnection(unpooledConnectionString);
        try
        {
            connection.Open();
            return SetUp(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose() => Reads.Dispose();

    private SqliteConnection SetUp(SqliteConnection connection)
    {
        // The triggers that keep the search index and month counts in step call these (migration 003).
        ArchiveSqlFunctions.Register(connection, zone);
        // Search ranks with it (see SearchRepository); registered once per native connection.
        SearchRankFunction.Register(connection);
        opened?.Invoke(connection);
        if (statementObserver is not null)
        {
            SqlStatementTrace.Install(connection, statementObserver);
        }

        return connection;
    }
}

using EditorialArchive.Web.Data;

namespace EditorialArchive.Tests.Infrastructure;

/// <summary>
/// Records the SQL statements run on behalf of one piece of test code. The recording follows the async flow (the
/// test server keeps the client's execution context), so start-up work and background services are not counted.
/// </summary>
public sealed class SqlStatementRecorder : ISqlStatementObserver
{
    private readonly AsyncLocal<List<string>?> current = new();

    public void OnStatement(string sql)
    {
        var statements = current.Value;
        if (statements is null || sql.StartsWith("PRAGMA foreign_keys", StringComparison.Ordinal))
        {
            return;
        }

        lock (statements)
        {
            statements.Add(sql);
        }
    }

    /// <summary>Runs <paramref name="action"/> and returns every statement it ran, in order.</summary>
    public async Task<(T Result, IReadOnlyList<string> Statements)> RecordAsync<T>(Func<Task<T>> action)
    {
        var statements = new List<string>();
        current.Value = statements;
        try
        {
            var result = await action();
            lock (statements)
            {
                return (result, [.. statements]);
            }
        }
        finally
        {
            current.Value = null;
        }
    }
}

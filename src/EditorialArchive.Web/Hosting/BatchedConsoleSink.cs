using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// Writes log events to standard output a batch at a time, for production's JSON lines. Serilog's console sink
/// flushes after every event (one or two system calls per request line, a large share of a cached page's cost);
/// here Serilog's own batching queues the events off the request path and each batch is one buffered write.
/// </summary>
public sealed class BatchedConsoleSink(ITextFormatter formatter) : IBatchedLogEventSink, IDisposable
{
    private readonly StreamWriter output = new(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024);

    public Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        foreach (var logEvent in batch)
        {
            formatter.Format(logEvent, output);
        }

        output.Flush();
        return Task.CompletedTask;
    }

    public void Dispose() => output.Dispose();
}

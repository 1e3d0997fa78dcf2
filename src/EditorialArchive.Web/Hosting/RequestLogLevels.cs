using Serilog.AspNetCore;
using Serilog.Events;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// The level of the one log line per request. As Serilog's default (Error for an exception or a 5xx, else
/// Information), except a request the client gave up on: its cancelled work is no server error (the client got no
/// 500: it had gone), so it is logged at Debug, below the configured minimum. The storm test found these as false
/// errors when readers stopped mid-request.
/// </summary>
public static class RequestLogLevels
{
    public static void Configure(RequestLoggingOptions options) => options.GetLevel = Level;

    public static LogEventLevel Level(HttpContext context, double elapsedMilliseconds, Exception? exception) =>
        context.RequestAborted.IsCancellationRequested && exception is null or OperationCanceledException
            ? LogEventLevel.Debug
            : exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError
                ? LogEventLevel.Error
                : LogEventLevel.Information;
}

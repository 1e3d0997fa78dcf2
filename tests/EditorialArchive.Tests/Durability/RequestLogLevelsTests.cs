using EditorialArchive.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Serilog.Events;

namespace EditorialArchive.Tests.Durability;

/// <summary>A request the client abandoned is no server error in the log; everything else keeps Serilog's levels.</summary>
public sealed class RequestLogLevelsTests
{
    [Fact]
    public void Work_cancelled_because_the_client_left_is_logged_below_the_minimum_and_real_failures_as_errors()
    {
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        var abandoned = new DefaultHttpContext { RequestAborted = gone.Token };
        var served = new DefaultHttpContext();
        var failed = new DefaultHttpContext();
        failed.Response.StatusCode = 503;

        Assert.Equal(LogEventLevel.Debug, RequestLogLevels.Level(abandoned, 5, new TaskCanceledException()));
        Assert.Equal(LogEventLevel.Error, RequestLogLevels.Level(abandoned, 5, new InvalidOperationException()));
        Assert.Equal(LogEventLevel.Error, RequestLogLevels.Level(served, 5, new TaskCanceledException()));
        Assert.Equal(LogEventLevel.Information, RequestLogLevels.Level(served, 5, null));
        Assert.Equal(LogEventLevel.Error, RequestLogLevels.Level(failed, 5, null));
    }
}

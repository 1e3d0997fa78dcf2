using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace EditorialArchive.Tests.Durability;

/// <summary>
/// The real app as a separate OS process (<c>dotnet EditorialArchive.Web.dll</c>, built beside the tests), in the
/// Production environment on its own SQLite file, so that it can be killed with SIGKILL and started again on the same
/// file. Its log is kept to look for errors afterwards.
/// </summary>
public sealed partial class ArchiveProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private ArchiveProcess(Process process, Uri address, string databasePath)
    {
        this.process = process;
        Address = address;
        DatabasePath = databasePath;
    }

    public Uri Address { get; }

    public string DatabasePath { get; }

    public static string WebDll => Path.Combine(AppContext.BaseDirectory, "EditorialArchive.Web.dll");

    /// <summary>The whole log so far (standard output and error).</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Starts the app on <paramref name="databasePath"/> and waits until /healthz answers.</summary>
    public static async Task<ArchiveProcess> StartAsync(string databasePath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = StartInfo(databasePath, ["--urls", address.ToString()], settings);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new ArchiveProcess(process, address, databasePath);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} at start-up:\n{app.Log}");
            }

            try
            {
                using var health = await probe.GetAsync("/healthz");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(100);
        }

        await app.DisposeAsync();
        throw new TimeoutException($"The app did not answer /healthz within a minute:\n{app.Log}");
    }

    /// <summary>Runs a CLI verb on the same file and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(string databasePath, IReadOnlyList<string> args, string? stdin = null)
    {
        var start = StartInfo(databasePath, args, null);
        start.RedirectStandardInput = stdin is not null;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>SIGKILL: no shutdown, no flush, no checkpoint; the OS drops the process as it stands.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    /// <summary>Log lines at Error or Fatal level, or that mention a locked or busy database.</summary>
    public IReadOnlyList<string> ErrorLines() =>
        [.. Log.Split('\n').Where(line => ErrorLinePattern().IsMatch(line))];

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string databasePath, IEnumerable<string> args, IReadOnlyDictionary<string, string>? settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // No appsettings.json here, so the content root is the app's own folder (Hosting/ContentRoot.cs).
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Archive"] = $"Data Source={databasePath}";
        start.Environment["Archive__ImportSeeds"] = "false";
        // Many editors from one address: the per-address limits of Hosting/RateLimitServices.cs would answer 429.
        start.Environment["Accounts__SignInAttemptsPerMinute"] = "100000";
        start.Environment["RateLimits__RequestsPerMinute"] = "1000000";
        start.Environment["RateLimits__SearchesPerMinute"] = "1000000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("\"@l\":\"(Error|Fatal)\"|database is locked|SQLITE_BUSY", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLinePattern();
}

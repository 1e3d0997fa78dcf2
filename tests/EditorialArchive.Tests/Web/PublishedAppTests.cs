using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EditorialArchive.Tests.Infrastructure;

namespace EditorialArchive.Tests.Web;

/// <summary>
/// The published app, started as an operator would (another working directory, Production, a fresh database
/// path), creates its database, imports the seeds it carries, and serves static files with long cache lifetimes.
/// </summary>
public sealed class PublishedAppTests : IDisposable
{
    private readonly TempDatabase workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task The_published_app_starts_anywhere_and_shows_the_seed_pieces()
    {
        var publishDirectory = Path.Combine(workspace.Directory, "publish");
        var project = Path.Combine(RepositoryRoot(), "src", "EditorialArchive.Web", "EditorialArchive.Web.csproj");
        var (publishExit, publishOutput) = await RunAsync("dotnet", $"publish \"{project}\" -c Release -o \"{publishDirectory}\" --nologo", RepositoryRoot());
        Assert.True(publishExit == 0, publishOutput);

        var port = FreePort();
        var runDirectory = Directory.CreateDirectory(Path.Combine(workspace.Directory, "elsewhere")).FullName;
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(publishDirectory, "EditorialArchive.Web.dll")}\" --urls http://127.0.0.1:{port}")
        {
            WorkingDirectory = runDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Archive"] = $"Data Source={Path.Combine(workspace.Directory, "data", "archive.db")}";
        using var app = Process.Start(start)!;
        var log = new System.Text.StringBuilder();
        app.OutputDataReceived += (_, e) => log.AppendLine(e.Data);
        app.ErrorDataReceived += (_, e) => log.AppendLine(e.Data);
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilHealthyAsync(client, app, log);

            var home = await Html.GetAsync(client, "/en/");
            Assert.Equal(3, home.QuerySelectorAll(".piece-item").Length);
            var stylesheet = home.Single("link[rel=stylesheet]").GetAttribute("href")!;
            using var css = await client.GetAsync(stylesheet);
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            // Real Kestrel, not the test server: no Server header names it.
            Assert.False(css.Headers.Contains("Server"), "Kestrel named itself in a Server header");
            Assert.Contains("immutable", css.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            Assert.True(css.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365));

            // Production logs are compact JSON, one object per line.
            Assert.Contains(log.ToString().Split('\n'), line => line.StartsWith("{\"@t\":", StringComparison.Ordinal) && line.Contains("Imported 5 seed pieces", StringComparison.Ordinal));
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client, Process app, System.Text.StringBuilder log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(app.HasExited, $"the app exited early:\n{log}");
            try
            {
                using var health = await client.GetAsync("/healthz");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the app did not become healthy within 60 s:\n{log}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EditorialArchive.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EditorialArchive.sln not found above the test output.");
    }
}

using System.Net;
using EditorialArchive.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EditorialArchive.BrowserTests;

/// <summary>
/// The real app on a real Kestrel port on 127.0.0.1 with its own SQLite file, and the machine's Chromium
/// driven by Playwright (never a downloaded browser).
/// </summary>
public sealed class LiveArchive : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;

    public ArchiveAppFactory App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>What a browser test says when the machine has no Chromium: which package, which command.</summary>
    public const string MissingChromiumMessage =
        "The browser tests need Debian's chromium at " + ChromiumPath + ": run 'bash tests/run.sh' (installs it) " +
        "or 'sudo apt-get install -y chromium fonts-noto-cjk'.";

    public async Task InitializeAsync()
    {
        EnsureChromiumAt(ChromiumPath);
        App.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    /// <summary>One sentence instead of Playwright's launch stack trace in every test.</summary>
    public static void EnsureChromiumAt(string path)
    {
        if (!File.Exists(path))
        {
            throw new ChromiumMissingException(MissingChromiumMessage.Replace(ChromiumPath, path, StringComparison.Ordinal));
        }
    }

    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true, ViewportSize? viewport = null) =>
        await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
        });

    public async Task DisposeAsync()
    {
        // Browser is unset when InitializeAsync stopped early (no Chromium).
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}

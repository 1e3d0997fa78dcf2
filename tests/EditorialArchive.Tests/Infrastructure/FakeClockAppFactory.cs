using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace EditorialArchive.Tests.Infrastructure;

/// <summary>The app with a clock the test moves by hand.</summary>
public class FakeClockAppFactory : ArchiveAppFactory
{
    public FakeClockAppFactory()
        : this(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The clock starts at <paramref name="start"/> and stays there until a test moves it.</summary>
    protected FakeClockAppFactory(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    public FakeTimeProvider Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

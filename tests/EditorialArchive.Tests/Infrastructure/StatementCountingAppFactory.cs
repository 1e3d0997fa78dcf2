using EditorialArchive.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EditorialArchive.Tests.Infrastructure;

/// <summary>The app with a <see cref="SqlStatementRecorder"/> watching every connection it opens.</summary>
public class StatementCountingAppFactory : ArchiveAppFactory
{
    public SqlStatementRecorder Statements { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton(new SqliteConnectionFactory($"Data Source={DatabasePath}", statementObserver: Statements)));
            // The request runs in the test's execution context, so the recorder's async-local scope reaches it.
            services.Configure<TestServerOptions>(o => o.PreserveExecutionContext = true);
        });
    }
}

using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EditorialArchive.Tests.Web;

/// <summary>
/// An app started over an archive it has nothing to write to (seeds imported and related lists stored by an earlier
/// start) still notices another process's writes, without writing anything itself first.
/// </summary>
public sealed class RestartedAppCacheTests : IDisposable
{
    private readonly TempDatabase database = new();

    [Fact]
    public async Task After_a_restart_a_write_by_another_process_shows_within_the_poll_interval()
    {
        using (var first = new AppOverFile(database.ConnectionString))
        {
            // The first start imports the seeds; storing every related list leaves nothing for the next start to write.
            _ = first.Services;
            await TestPieces.RefreshRelatedAsync(first);
        }

        using var restarted = new AppOverFile(database.ConnectionString);
        using var client = restarted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var front = await Html.GetAsync(client, "/en/");
        var url = front.QuerySelector(".piece-item-headline a")!.GetAttribute("href")!;
        var id = long.Parse(url.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
        await Html.GetAsync(client, url);
        await Html.GetAsync(client, url);
        using (var cached = await client.GetAsync(url))
        {
            Assert.True(cached.Headers.Age is not null, "the third request was not served from the output cache");
        }

        await using (var connection = await database.CreateFactory().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "UPDATE articles SET headline = 'Headline From The Command Line', version = version + 1 WHERE id = @id", new { id });
        }

        await Task.Delay(ArchivePageCache.PollInterval * 3);
        Assert.Equal("Headline From The Command Line", (await Html.GetAsync(client, url)).QuerySelector("h1")!.Text());
    }

    public void Dispose() => database.Dispose();

    private sealed class AppOverFile(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Archive", connectionString);
        }
    }
}

using System.Net;
using Dapper;
using EditorialArchive.Tests.Infrastructure;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialArchive.Tests.Web;

public sealed class ErrorPageTests(ArchiveAppFactory app) : IClassFixture<ArchiveAppFactory>
{
    [Fact]
    public async Task A_failure_in_production_shows_a_plain_page_in_the_pages_language_without_details()
    {
        var client = app.CreateBrowserlessClient();
        using (var healthy = await client.GetAsync("/ko/"))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        // Break the database under the running app: the section table the pages join is gone.
        var connections = app.Services.GetRequiredService<SqliteConnectionFactory>();
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("PRAGMA foreign_keys = OFF; ALTER TABLE sections RENAME TO sections_gone;");
        }

        using var response = await client.GetAsync("/ko/articles/3/x?nocache=1");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("ko", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("문제가 발생했습니다", page.Single("h1").Text());
        Assert.DoesNotContain("SqliteException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}

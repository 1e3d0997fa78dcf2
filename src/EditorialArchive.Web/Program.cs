using EditorialArchive.Web.Cli;
using EditorialArchive.Web.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = ContentRoot.Resolve(args),
});
builder.AddArchive();
var app = builder.Build();

if (CliVerbs.IsVerb(args))
{
    return await CliVerbs.RunAsync(app, args);
}

await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
app.UseArchive();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that the tests can host the app with WebApplicationFactory.</summary>
public partial class Program;

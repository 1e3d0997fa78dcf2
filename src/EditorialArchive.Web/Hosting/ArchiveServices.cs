using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EditorialArchive.Web.Articles;
using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;
using EditorialArchive.Web.Import;
using EditorialArchive.Web.Localization;
using EditorialArchive.Web.Seeds;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Serilog;
using Serilog.Configuration;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace EditorialArchive.Web.Hosting;

/// <summary>Service registration and the request pipeline, shared by the web host and the CLI verbs.</summary>
public static class ArchiveServices
{
    public const string ConnectionStringName = "Archive";

    public static WebApplicationBuilder AddArchive(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Serve wwwroot-assets/ from the build output in every environment when run from source (dotnet run,
        // tests); a published app has no such manifest and serves its own wwwroot/ folder.
        builder.WebHost.UseStaticWebAssets();
        // Kestrel writes its own Server header after the middleware (RemoveServerHeader cannot reach it).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var configuration = builder.Configuration;

        builder.Host.UseSerilog((context, _, logger) =>
        {
            // Only levels come from configuration; naming Serilog's own assembly spares a scan of every dependency at start-up.
            logger.ReadFrom.Configuration(context.Configuration, new ConfigurationReaderOptions(typeof(Log).Assembly)).Enrich.FromLogContext();
            if (context.HostingEnvironment.IsDevelopment())
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}", formatProvider: CultureInfo.InvariantCulture);
            }
            else
            {
                // Lines reach stdout within a tenth of a second, in batches; the queue is bounded so that a stalled
                // stdout drops log events instead of exhausting memory or blocking requests.
                logger.WriteTo.Sink(new BatchedConsoleSink(new RenderedCompactJsonFormatter()), new BatchingOptions
                {
                    BatchSizeLimit = 1_000,
                    BufferingTimeLimit = TimeSpan.FromMilliseconds(100),
                    QueueLimit = 100_000,
                });
            }
        });

        services.AddOptions<ArchiveOptions>()
            .Bind(configuration.GetSection(ArchiveOptions.SectionName))
            .Validate(o => TryFindZone(o.TimeZone), "Archive:TimeZone must name a time zone known to this system (e.g. Asia/Seoul).")
            .Validate(o => ArchiveOptions.IsKnownDatabase(o.Database), "Archive:Database must be 'sqlite' or 'postgres'.")
            .ValidateOnStart();
        var usesPostgres = PostgresServices.ChosenDatabase(configuration) == ArchiveOptions.Postgres;

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "App_Data", "archive.db")}";
        }

        var connectionFactory = new SqliteConnectionFactory(
            connectionString, ArchiveSqlFunctions.ZoneOrDefault(configuration[$"{ArchiveOptions.SectionName}:{nameof(ArchiveOptions.TimeZone)}"]));
        // From a factory, so the container disposes it (and the connections it keeps open) at shutdown.
        services.AddSingleton(_ => connectionFactory);

        // Antiforgery and sign-in cookies must stay valid across restarts: keep the keys beside the database, or,
        // when several nodes serve the site, in the Redis they share, so that a cookie one issued another accepts.
        var redis = ArchiveRedis.FromConfiguration(configuration);
        var dataProtection = services.AddDataProtection().SetApplicationName("EditorialArchive");
        if (redis is null)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(connectionFactory.DataDirectory, "keys")));
        }
        else
        {
            dataProtection.PersistKeysToStackExchangeRedis(() => redis.Multiplexer.GetDatabase(), redis.DataProtectionKey);
            services.AddSingleton(_ => redis);
            services.AddHostedService<RedisStartupCheck>();
        }

        // Write Hangul and other non-ASCII text as characters, not numeric entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<ArticleRepository>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<ArchiveTime>();
        services.AddSingleton<AbsoluteUrls>();
        services.AddSingleton<SeedPageParser>();
        services.AddSingleton<SeedImporter>();
        services.AddSingleton<WordPressImporter>();
        services.AddLegacyAddresses();
        services.AddSingleton<DatabaseInitializer>();
        services.AddReading();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            CultureInfo[] cultures = [new(Languages.English), new(Languages.Korean)];
            o.DefaultRequestCulture = new RequestCulture(Languages.English);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new PathLanguageCultureProvider()];
        });

        services.AddControllersWithViews(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
            .AddViewLocalization();
        var health = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        if (redis is not null)
        {
            health.AddCheck<RedisHealthCheck>("redis");
        }

        services.AddAccounts(configuration);
        services.AddRateLimits(configuration);
        services.AddSeo(configuration);
        services.AddDesk(configuration);
        services.AddPagePerformance(redis);
        if (usesPostgres)
        {
            services.AddPostgresArchive(configuration);
        }

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in configuration.GetSection($"{ArchiveOptions.SectionName}:{nameof(ArchiveOptions.KnownProxies)}").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        return builder;
    }

    public static WebApplication UseArchive(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value.UsesPostgres)
        {
            return app.UsePostgresNotPorted();
        }

        app.UseForwardedHeaders();
        app.UseArchiveSecurityHeaders();
        app.UseHeadAsGet();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error/500");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSerilogRequestLogging(RequestLogLevels.Configure);
        // Early: a cached public page needs no culture, routing or authentication (its key is the exact path,
        // and only anonymous responses are stored), so a hit skips all of that work.
        app.UseOutputCache();
        app.UseSeoCompression();
        app.UseRequestLocalization();
        app.UseRouting();
        // Old WordPress addresses (import wordpress --permalinks): only requests no route answers, and ?p=ID.
        app.UseLegacyAddresses();
        app.UseCanonicalForms();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapControllers().WithStaticAssets();
        return app;
    }

    private static bool TryFindZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }
}

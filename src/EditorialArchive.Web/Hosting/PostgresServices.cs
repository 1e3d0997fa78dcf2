using EditorialArchive.Web.Configuration;
using EditorialArchive.Web.Data;

namespace EditorialArchive.Web.Hosting;

/// <summary>
/// <c>Archive:Database = postgres</c>: the connection factory and the migrations. Only start-up is ported so far
/// (schema, triggers, settings); the repositories still speak SQLite, so requests get a 503 that says so and the
/// app's background services, which write through those repositories, are not started.
/// </summary>
public static class PostgresServices
{
    public const string ConnectionStringName = "ArchivePostgres";

    public const string NotPortedMessage =
        "This archive is configured with Archive:Database=postgres. Start-up and the schema run on PostgreSQL, but its pages, " +
        "the desk and the background services are not ported to PostgreSQL yet: set Archive:Database=sqlite to serve the archive.";

    /// <summary>The database that <c>Archive:Database</c> names, or a clear error for any other value.</summary>
    public static string ChosenDatabase(IConfiguration configuration)
    {
        var database = configuration[$"{ArchiveOptions.SectionName}:{nameof(ArchiveOptions.Database)}"] ?? ArchiveOptions.Sqlite;
        return ArchiveOptions.IsKnownDatabase(database)
            ? database
            : throw new InvalidOperationException(
                $"Archive:Database must be '{ArchiveOptions.Sqlite}' or '{ArchiveOptions.Postgres}' (it is '{database}').");
    }

    public static IServiceCollection AddPostgresArchive(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Archive:Database=postgres needs ConnectionStrings:{ConnectionStringName} (an Npgsql connection string, " +
                $"e.g. from the environment variable ConnectionStrings__{ConnectionStringName}).");
        }

        services.AddSingleton(_ => new PostgresConnectionFactory(connectionString));
        services.AddSingleton<PostgresMigrationRunner>();
        services.AddSingleton<PostgresArchiveSettings>();

        // The scheduler, the related-pieces refresher and the zone check write through SQLite repositories.
        foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && IsOurs(d)).ToList())
        {
            services.Remove(hosted);
        }

        return services;
    }

    /// <summary>Answers every request with <see cref="NotPortedMessage"/> (503) instead of failing deep in SQLite code.</summary>
    public static WebApplication UsePostgresNotPorted(this WebApplication app)
    {
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(NotPortedMessage, context.RequestAborted);
        });
        return app;
    }

    private static bool IsOurs(ServiceDescriptor descriptor)
    {
        var ours = typeof(PostgresServices).Assembly;
        return descriptor.ImplementationType?.Assembly == ours
            || descriptor.ImplementationFactory?.Method.DeclaringType?.Assembly == ours
            || descriptor.ImplementationInstance?.GetType().Assembly == ours;
    }
}

using Dapper;
using EditorialArchive.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EditorialArchive.Web.Hosting;

/// <summary>Healthy when the database opens and answers a query against the migrated schema.</summary>
public sealed class DatabaseHealthCheck(SqliteConnectionFactory connections) : IHealthCheck
{
    private const string ProbeSql = "SELECT count(*) FROM schema_migrations";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            var applied = await connection.ExecuteScalarAsync<long>(new CommandDefinition(ProbeSql, cancellationToken: cancellationToken));
            return applied > 0
                ? HealthCheckResult.Healthy($"{applied} migrations applied")
                : HealthCheckResult.Unhealthy("The database has no schema.");
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", ex);
        }
    }
}

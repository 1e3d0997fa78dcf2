using System.Data;
using System.Globalization;
using Dapper;

namespace EditorialArchive.Web.Data;

/// <summary>Process-wide Dapper settings: snake_case columns and instants stored as UTC ISO-8601 text.</summary>
public static class DapperConfiguration
{
    private static int configured;

    public static void EnsureConfigured()
    {
        if (Interlocked.Exchange(ref configured, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new UtcInstantHandler());
    }

    private sealed class UtcInstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override DateTimeOffset Parse(object value) => UtcInstant.Parse((string)value);

        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = UtcInstant.Format(value);
        }
    }
}

/// <summary>The one text form of an instant in the database: <c>yyyy-MM-ddTHH:mm:ssZ</c>, UTC.</summary>
public static class UtcInstant
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Drops sub-second precision so an instant survives a round trip through the database.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        Parse(Format(instant));
}

using Npgsql;

namespace ShenHou.Api.Infrastructure;

/// <summary>How the service connects to PostgreSQL; public so that the benchmark's raw twin connects alike.</summary>
public static class ConnectionSettings
{
    /// <summary>
    /// Every command sends the same few statements (the stream's lock and events, the inline documents,
    /// the append): prepared once per connection, PostgreSQL parses and plans them once, and a pooled
    /// connection keeps them (no DISCARD ALL when it returns to the pool; the service sets no session
    /// state). Together a third more lifecycles per second on the benchmark (docs/benchmarks.md). A
    /// connection string that names either setting keeps its own value.
    /// </summary>
    public static string WithStatementReuse(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(connectionString, "Max Auto Prepare")) settings.MaxAutoPrepare = 64;
        return settings.ConnectionString;
    }

    private static bool Names(string connectionString, string setting) =>
        connectionString.Replace(" ", "").Contains(setting.Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
}

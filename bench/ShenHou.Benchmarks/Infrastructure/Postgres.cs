using Npgsql;

namespace ShenHou.Benchmarks.Infrastructure;

/// <summary>A throwaway PostgreSQL 15 cluster started with scripts/pg.sh, as the tests and run.sh do.</summary>
public sealed class Postgres : IAsyncDisposable
{
    private readonly string _script;
    private readonly string _dir;

    private Postgres(string script, string dir, string connectionString) =>
        (_script, _dir, ConnectionString) = (script, dir, connectionString);

    /// <summary>The cluster's main database, <c>shenhou</c>.</summary>
    public string ConnectionString { get; }

    public static async Task<Postgres> Start(string repoRoot)
    {
        var script = Path.Combine(repoRoot, "scripts", "pg.sh");
        // Short path: the Unix socket lives in it (pg.sh refuses paths over 90 characters).
        var dir = $"/tmp/bench-pg-{Guid.NewGuid().ToString("N")[..8]}";
        var (code, stdout, stderr) = await Shell.Run("bash", script, "start", dir);
        if (code != 0) throw new InvalidOperationException($"scripts/pg.sh start failed ({code}): {stderr}");
        return new Postgres(script, dir, stdout.Trim().Split('\n')[^1]);
    }

    /// <summary>The connection string of another database of this cluster.</summary>
    public string For(string database) => new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    /// <summary>A copy of <paramref name="template"/> (nobody may be connected to it): the same schema, instantly.</summary>
    public async Task CreateDatabase(string name, string template)
    {
        NpgsqlConnection.ClearAllPools();
        await using var db = NpgsqlDataSource.Create(For("postgres"));
        await using var command = db.CreateCommand($"create database \"{name}\" template \"{template}\"");
        await command.ExecuteNonQueryAsync();
    }

    public async Task<string> Version()
    {
        await using var db = NpgsqlDataSource.Create(ConnectionString);
        await using var command = db.CreateCommand("show server_version");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Leave the cluster running when the harness ends (for a look with psql).</summary>
    public bool Keep { get; set; }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Keep) Console.WriteLine($"bench: the cluster is still running: {ConnectionString} (stop: bash scripts/pg.sh stop {_dir})");
        else await Shell.Run("bash", _script, "stop", _dir);
    }
}

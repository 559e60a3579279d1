using Npgsql;

namespace ShenHou.Benchmarks.Infrastructure;

/// <summary>Small direct queries the harness needs (counts, progress); never the measured path.</summary>
public static class Sql
{
    public static async Task<long> Long(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? 0 : Convert.ToInt64(value);
    }

    public static async Task<Guid> Guid(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return (System.Guid)(await command.ExecuteScalarAsync())!;
    }

    public static async Task Execute(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public static Task<long> Events(NpgsqlDataSource db) => Long(db, "select count(*) from shenhou.mt_events");
    public static Task<long> Streams(NpgsqlDataSource db) => Long(db, "select count(*) from shenhou.mt_streams");
    public static Task<long> HighestEvent(NpgsqlDataSource db) => Long(db, "select max(seq_id) from shenhou.mt_events");

    /// <summary>How far the async CaseSummary projection (the window view and the report) has got.</summary>
    public static Task<long> CaseSummaryProgress(NpgsqlDataSource db) =>
        Long(db, "select last_seq_id from shenhou.mt_event_progression where name = 'CaseSummary:All'");

    /// <summary>Polls until the async daemon has projected every event, or the time is up.</summary>
    public static async Task WaitForCaseSummaries(NpgsqlDataSource db, TimeSpan timeout)
    {
        var highest = await HighestEvent(db);
        var deadline = DateTime.UtcNow + timeout;
        while (await CaseSummaryProgress(db) < highest)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"CaseSummary did not reach event {highest} within {timeout}");
            await Task.Delay(50);
        }
    }
}

using Npgsql;
using ShenHou.Benchmarks.Infrastructure;

namespace ShenHou.Benchmarks.Projections;

/// <summary>
/// Rebuild speed of the window view's projection: <c>dotnet ShenHou.Api.dll projections rebuild -p
/// CaseSummary</c> with the service stopped, over every event in the store. The command's own start
/// (timed with <c>projections list</c>) is subtracted to give the rebuild's events/s.
/// </summary>
public sealed record RebuildResult(long Events, long Cases, double WallSeconds, double StartSeconds)
{
    public double RebuildSeconds => Math.Round(Math.Max(0.001, WallSeconds - StartSeconds), 3);
    public double EventsPerSecond => Math.Round(Events / RebuildSeconds, 1);

    public static async Task<RebuildResult> Measure(string apiDll, string connectionString, string logDir)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var events = await Sql.Events(db);
        var cases = await Sql.Streams(db);
        var start = await ServiceProcess.RunCommand(apiDll, connectionString, logDir, "projections", "list");
        var wall = await ServiceProcess.RunCommand(apiDll, connectionString, logDir, "projections", "rebuild", "-p", "CaseSummary");
        var rebuilt = await Sql.Long(db, "select count(*) from shenhou.mt_doc_casesummary");
        if (rebuilt != cases) throw new InvalidOperationException($"the rebuild left {rebuilt} case summaries for {cases} cases");
        return new RebuildResult(events, cases, Math.Round(wall.TotalSeconds, 3), Math.Round(start.TotalSeconds, 3));
    }
}

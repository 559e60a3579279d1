using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using ShenHou.Benchmarks.Http;
using ShenHou.Benchmarks.Infrastructure;

namespace ShenHou.Benchmarks.Reads;

/// <summary>The read endpoints at one size of the database: p50/p99 of sequential requests.</summary>
public sealed record ReadResult(
    int Cases, long Events, SeedResult Seeding, double CatchUpSeconds, string QueueDepartment,
    IReadOnlyDictionary<string, Percentiles> LatencyMs);

/// <summary>
/// One request at a time (a clerk opening a page), after a few warm-up requests, up to the profile's
/// number of samples or 90 seconds per read (at least 20 samples): the window view
/// (first page, newest first, and an open-cases filter), the busiest department's queue, and the
/// compression report (total, and grouped by region).
/// </summary>
public static class ReadBench
{
    public const string WindowView = "window view";
    public const string Queue = "department queue";
    public const string Report = "compression report";

    private const int MinimumSamples = 20;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);
    private static readonly Actor Supervisor = new("bench-supervisor-01", "Supervisor");

    public static async Task<(string Department, Dictionary<string, Percentiles> LatencyMs)> Measure(
        HttpClient http, NpgsqlDataSource db, int samples)
    {
        var department = await BusiestDepartment(db);
        var reads = new (string Name, string Url, Actor Actor)[]
        {
            (WindowView, "api/cases", Actor.Window),
            (WindowView + " (status=Accepted, sort=dueAt)", "api/cases?status=Accepted&sort=dueAt", Actor.Window),
            (Queue, $"api/departments/{department}/queue", Actor.Reviewer(department)),
            (Report, "api/reports/compression", Supervisor),
            (Report + " (groupBy=region)", "api/reports/compression?groupBy=region", Supervisor),
        };
        var results = new Dictionary<string, Percentiles>();
        foreach (var (name, url, actor) in reads)
        {
            var log = new LatencyLog();
            var warmUp = new ApiClient(http, new LatencyLog());
            for (var i = 0; i < 5; i++) await warmUp.Get<JsonElement>(url, actor, name);
            var api = new ApiClient(http, log);
            // A time budget too: at a million cases one request can take seconds.
            var budget = Stopwatch.StartNew();
            for (var i = 0; i < samples && (i < MinimumSamples || budget.Elapsed < Budget); i++)
                await api.Get<JsonElement>(url, actor, name);
            results[name] = log.All();
        }
        return (department, results);
    }

    /// <summary>The department with the most open work items: its queue is the longest to page through.</summary>
    private static async Task<string> BusiestDepartment(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("""
            select data ->> 'department' from shenhou.mt_doc_departmentworkitem
            where (data ->> 'open')::boolean group by 1 order by count(*) desc limit 1
            """);
        return (string?)await command.ExecuteScalarAsync() ?? "HRSS";
    }
}

using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using ShenHou.Benchmarks.Cases;
using ShenHou.Benchmarks.Http;
using ShenHou.Benchmarks.Infrastructure;
using ShenHou.Benchmarks.Projections;
using ShenHou.Benchmarks.Reads;
using ShenHou.Benchmarks.Report;
using ShenHou.Benchmarks.Startup;
using ShenHou.Benchmarks.Writes;
using ShenHou.Domain.Calendar;
using ShenHou.Domain.Catalog;

namespace ShenHou.Benchmarks;

/// <summary>
/// Every measurement of docs/benchmarks.md in one run, on one throwaway PostgreSQL cluster, so that
/// the figures can be read as ratios of each other. See scripts/bench.sh.
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var p = options.Profile;
        var logs = Directory.CreateTempSubdirectory("shenhou-bench-logs-").FullName;
        Directory.CreateDirectory(options.OutputDir);
        var total = Stopwatch.StartNew();
        Log($"profile {p.Name}; service logs in {logs}");

        await using var pg = await Postgres.Start(options.RepoRoot);
        pg.Keep = options.Keep;
        var machine = await MachineInfo.Describe(options.RepoRoot, await pg.Version());
        // The service creates its schema; the twin's and Marten's databases are copies of the empty one.
        await ServiceProcess.RunCommand(options.ApiDll, pg.ConnectionString, logs, "db-apply");
        await pg.CreateDatabase("bench_raw", "shenhou");
        await pg.CreateDatabase("bench_marten", "shenhou");

        var catalog = ServiceCatalog.LoadEmbedded();
        var scripts = new CaseScripts(catalog, WorkingCalendar.LoadEmbedded());
        var forms = new FormFactory(catalog, seed: 20250521);
        var raw = await RawTwinStage(pg, Lifecycles(scripts, forms, p.RawTwinCases, 0), p.Concurrency);
        if (options.HttpOnly) return await HttpOnly(options, pg, forms, raw);
        WriteResult marten;
        using (var martenStore = BenchStore.Create(pg.For("bench_marten")))
            marten = await MartenAppends.Run(martenStore, Lifecycles(scripts, forms, p.MartenCases, 100_000), p.Concurrency);
        Log($"b. Marten appends: {marten.EventsPerSecond:N0} events/s");

        await using var db = NpgsqlDataSource.Create(pg.ConnectionString);
        var service = new ServiceRun(options.ApiDll, pg.ConnectionString, logs);
        try
        {
            await service.Restart();
            var (maximum, fixedRate, lag) = await HttpStage(service, db, forms, p);
            var reads = new List<ReadResult>();
            using (var seedStore = BenchStore.Create(pg.ConnectionString))
            {
                var seeder = new Seeder(seedStore, scripts, forms);
                foreach (var size in p.ReadSizes) reads.Add(await ReadStage(service, db, seeder, size, p.ReadSamples));
            }
            await service.Stop();
            Log($"h. service peak memory {service.PeakMemoryMB:N0} MB");

            // f. Rebuild, and g. cold starts, with the service stopped.
            var rebuild = await RebuildResult.Measure(options.ApiDll, pg.ConnectionString, logs);
            Log($"f. rebuild: {rebuild.EventsPerSecond:N0} events/s over {rebuild.Events:N0} events");
            var someCase = await Sql.Guid(db, "select id from shenhou.mt_streams limit 1");
            var coldStarts = new List<ColdStartResult>();
            foreach (var mode in new[] { "Production", "Development" })
            {
                coldStarts.Add(await ColdStart.Measure(mode, options.ApiDll, pg.ConnectionString, logs, someCase, p.ColdStarts));
                Log($"g. cold start {mode}: {coldStarts[^1].MedianSeconds:0.00} s");
            }

            var results = new BenchResults(p.Name, machine, raw, marten, maximum, fixedRate, lag, reads, rebuild, coldStarts,
                service.PeakMemoryMB, Math.Round(total.Elapsed.TotalSeconds, 1));
            Write(options, results);
            foreach (var t in results.Targets)
                Console.WriteLine($"target {(t.Met ? "met    " : "NOT MET")} {t.Name}: {t.Measured} (wanted {t.Target}){(t.Note is null ? "" : $" [{t.Note}]")}");
            return 0;
        }
        finally
        {
            await service.Stop();
        }
    }

    /// <summary>The profiling loop: the HTTP maximum against the raw twin just measured, nothing written.</summary>
    private static async Task<int> HttpOnly(BenchOptions options, Postgres pg, FormFactory forms, WriteResult raw)
    {
        var service = new ServiceRun(options.ApiDll, pg.ConnectionString, Path.GetTempPath());
        try
        {
            await service.Restart();
            Log($"service pid {service.Current!.Pid}");
            var maximum = await new LifecycleBench(service.Current!.Address, forms).Maximum(options.Profile.HttpMaxCases, options.Profile.Concurrency);
            Log($"c. HTTP maximum: {maximum.CasesPerSecond} cases/s, {maximum.EventsPerSecond:N0} events/s, " +
                $"{maximum.EventsPerSecond / raw.EventsPerSecond:P0} of the raw twin");
            return 0;
        }
        finally
        {
            await service.Stop();
        }
    }

    /// <summary>Full lifecycles decided beforehand, for the raw twin and Marten: the same shapes the HTTP run files.</summary>
    private static CaseScript[] Lifecycles(CaseScripts scripts, FormFactory forms, int count, int offset) =>
        Enumerable.Range(offset, count).Select(i =>
        {
            var form = forms.Create(i, DateTimeOffset.UtcNow);
            return scripts.Lifecycle(Guid.CreateVersion7(), $"{form.RegionCode}-20000101-{i:D5}", form, DateTimeOffset.UtcNow);
        }).ToArray();

    /// <summary>a. The raw twin, its rows serialised before the clock starts.</summary>
    private static async Task<WriteResult> RawTwinStage(Postgres pg, CaseScript[] cases, int concurrency)
    {
        using var store = BenchStore.Create(pg.For("bench_raw"));
        var payloads = new RawPayloads(store);
        var prepared = cases.ToDictionary(c => c.Id, payloads.For);
        // Connected as the service connects: prepared statements, no reset when a connection returns to the pool.
        await using var db = NpgsqlDataSource.Create(ShenHou.Api.Infrastructure.ConnectionSettings.WithStatementReuse(pg.For("bench_raw")));
        var raw = await RawTwin.Run(db, cases, prepared, concurrency);
        Log($"a. raw twin: {raw.EventsPerSecond:N0} events/s, {raw.CommandsPerSecond:N0} commands/s");
        return raw;
    }

    /// <summary>c. Lifecycles over HTTP: the maximum, then a fixed rate at half of it while f. the lag is sampled.</summary>
    private static async Task<(WriteResult, FixedRateResult, Percentiles)> HttpStage(
        ServiceRun service, NpgsqlDataSource db, FormFactory forms, BenchProfile p)
    {
        var lifecycles = new LifecycleBench(service.Current!.Address, forms);
        var maximum = await lifecycles.Maximum(p.HttpMaxCases, p.Concurrency);
        Log($"c. HTTP maximum: {maximum.CasesPerSecond} cases/s, {maximum.EventsPerSecond:N0} events/s");
        var sampler = new LagSampler(db);
        FixedRateResult fixedRate;
        using (var stopSampling = new CancellationTokenSource())
        {
            var sampling = sampler.Run(stopSampling.Token);
            fixedRate = await lifecycles.FixedRate(Math.Max(0.2, maximum.CasesPerSecond / 2), p.HttpFixedRateDuration);
            await stopSampling.CancelAsync();
            await sampling;
        }
        var lag = sampler.Lags();
        var r = fixedRate.RequestLatencyMs;
        Log($"c. HTTP at {fixedRate.TargetCasesPerSecond} cases/s: request p50/p95/p99 {r.P50}/{r.P95}/{r.P99} ms; f. lag p99 {lag.P99} ms");
        return (maximum, fixedRate, lag);
    }

    /// <summary>d. and e. at one size: seeded through Marten with the service stopped, read once the daemon has caught up.</summary>
    private static async Task<ReadResult> ReadStage(ServiceRun service, NpgsqlDataSource db, Seeder seeder, int size, int samples)
    {
        await service.Stop();
        var seeded = await seeder.SeedTo(db, size);
        Log($"d. seeded {seeded.CasesAdded:N0} cases, {seeded.EventsAdded:N0} events in {seeded.Seconds:0.0} s");
        var catchUp = Stopwatch.StartNew();
        await service.Restart();
        await Sql.WaitForCaseSummaries(db, TimeSpan.FromHours(3));
        var caughtUp = Math.Round(catchUp.Elapsed.TotalSeconds, 1);
        using var http = new HttpClient { BaseAddress = service.Current!.Address, Timeout = TimeSpan.FromSeconds(60) };
        var (department, latencies) = await ReadBench.Measure(http, db, samples);
        Log($"d./e. {size:N0} cases: window p99 {latencies[ReadBench.WindowView].P99} ms, " +
            $"queue p99 {latencies[ReadBench.Queue].P99} ms, report p99 {latencies[ReadBench.Report].P99} ms");
        return new ReadResult((int)await Sql.Streams(db), await Sql.Events(db), seeded, caughtUp, department, latencies);
    }

    private static void Write(BenchOptions options, BenchResults results)
    {
        var json = Path.Combine(options.OutputDir, "benchmarks.json");
        File.WriteAllText(json, JsonSerializer.Serialize(results, BenchJson.Indented) + "\n");
        var markdown = Path.Combine(options.OutputDir, "benchmarks.md");
        MarkdownReport.WriteInto(markdown, MarkdownReport.Render(results));
        Log($"wrote {json} and {markdown}");
    }

    private static void Log(string message) => Console.WriteLine($"bench: {message}");
}

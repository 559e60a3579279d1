using System.Diagnostics;
using ShenHou.Benchmarks.Cases;
using ShenHou.Benchmarks.Infrastructure;
using ShenHou.Benchmarks.Writes;

namespace ShenHou.Benchmarks.Http;

/// <summary>Whole cases through HTTP at a fixed arrival rate: how long each request and each case took.</summary>
public sealed record FixedRateResult(
    double TargetCasesPerSecond, double Seconds, int Cases, long Events, int Failures,
    Percentiles RequestLatencyMs, IReadOnlyDictionary<string, Percentiles> ByRequestMs, Percentiles CaseDurationMs)
{
    public double CasesPerSecond => Math.Round(Cases / Seconds, 2);
    public double EventsPerSecond => Math.Round(Events / Seconds, 1);
}

/// <summary>
/// Case lifecycles through the real service on loopback. First the maximum: <c>concurrency</c>
/// clerks each filing whole cases back to back. Then latency at a fixed arrival rate (half that
/// maximum): a new case every 1/rate seconds whatever the service is doing, each worked to the end.
/// </summary>
public sealed class LifecycleBench(Uri service, FormFactory forms)
{
    private int _nextForm;

    public async Task<WriteResult> Maximum(int cases, int concurrency)
    {
        using var http = Client();
        // Warm-up, untimed: a case per clerk (first calls, connections, tokens, the first tier of the JIT).
        var warmUp = new LifecycleDriver(new ApiClient(http, new LatencyLog()));
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => warmUp.File(NextForm())));
        var api = new ApiClient(http, new LatencyLog());
        var driver = new LifecycleDriver(api);
        long events = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < cases)
                Interlocked.Add(ref events, await driver.File(NextForm()));
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var requests = api.Latencies.All();
        return new WriteResult("HTTP lifecycles", concurrency, cases, requests.Count, events, Math.Round(seconds, 3), requests);
    }

    public async Task<FixedRateResult> FixedRate(double casesPerSecond, TimeSpan duration)
    {
        using var http = Client();
        var api = new ApiClient(http, new LatencyLog());
        var driver = new LifecycleDriver(api);
        var caseDurations = new LatencyLog();
        var running = new List<Task<long>>();
        var failures = 0;
        var interval = TimeSpan.FromSeconds(1 / casesPerSecond);
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            var due = interval * i;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed); // pacing arrivals, not waiting for a condition
            var form = NextForm();
            running.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var events = await driver.File(form);
                    caseDurations.Add("case", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    return events;
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
                {
                    if (Interlocked.Increment(ref failures) == 1) Console.Error.WriteLine($"  first failure: {e.Message}");
                    return 0L;
                }
            }));
        }
        var results = await Task.WhenAll(running);
        var seconds = clock.Elapsed.TotalSeconds;
        return new FixedRateResult(Math.Round(casesPerSecond, 2), Math.Round(seconds, 3), results.Count(e => e > 0),
            results.Sum(), failures, api.Latencies.All(), api.Latencies.ByKind(), caseDurations.All());
    }

    private CaseForm NextForm() => forms.Create(Interlocked.Increment(ref _nextForm), DateTimeOffset.UtcNow);

    private HttpClient Client() =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = service, Timeout = TimeSpan.FromSeconds(60),
        };
}

using System.Diagnostics;
using ShenHou.Benchmarks.Cases;
using ShenHou.Benchmarks.Infrastructure;

namespace ShenHou.Benchmarks.Writes;

/// <summary>Throughput of one way of writing: commands and events per second, and each command's latency.</summary>
public sealed record WriteResult(
    string Name, int Concurrency, int Cases, int Commands, long Events, double Seconds, Percentiles CommandLatencyMs)
{
    public double CasesPerSecond => Math.Round(Cases / Seconds, 1);
    public double CommandsPerSecond => Math.Round(Commands / Seconds, 1);
    public double EventsPerSecond => Math.Round(Events / Seconds, 1);
}

/// <summary>
/// Runs case scripts on <c>concurrency</c> workers: each worker takes the next case and sends its
/// commands one after another (a case's commands depend on each other), so at most
/// <c>concurrency</c> commands are in flight, as with that many clerks.
/// </summary>
public static class WorkloadRunner
{
    public static async Task<WriteResult> Run(string name, IReadOnlyList<CaseScript> cases, int concurrency,
        Func<CaseScript, int, Task> command)
    {
        // Warm-up, untimed: connections, prepared plans, first-call code generation.
        var warmUp = Math.Min(concurrency, cases.Count / 10);
        await Drive(cases.Take(warmUp).ToArray(), concurrency, command, new LatencyLog());
        var measured = cases.Skip(warmUp).ToArray();
        var latencies = new LatencyLog();
        var clock = Stopwatch.StartNew();
        await Drive(measured, concurrency, command, latencies);
        var seconds = clock.Elapsed.TotalSeconds;
        return new WriteResult(name, concurrency, measured.Length, measured.Sum(c => c.Commands.Count),
            measured.Sum(c => (long)c.EventCount), Math.Round(seconds, 3), latencies.All());
    }

    private static Task Drive(IReadOnlyList<CaseScript> cases, int concurrency, Func<CaseScript, int, Task> command,
        LatencyLog latencies)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < cases.Count)
            {
                var script = cases[index];
                for (var c = 0; c < script.Commands.Count; c++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await command(script, c);
                    latencies.Add("command", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        })));
    }
}

using System.Globalization;
using ShenHou.Benchmarks.Reads;

namespace ShenHou.Benchmarks.Report;

/// <summary>The targets of issue 7, checked against a run's figures.</summary>
public static class TargetChecks
{
    public static IReadOnlyList<TargetCheck> Evaluate(BenchResults r)
    {
        var ratio = r.HttpMaximum.EventsPerSecond / r.RawTwin.EventsPerSecond;
        // The targets name 100k cases; a smoke run checks its largest size and says so.
        var reads = r.Reads.FirstOrDefault(x => x.Cases == 100_000) ?? r.Reads.MaxBy(x => x.Cases)!;
        var at = reads.Cases == 100_000 ? null : $"at {reads.Cases:N0} cases, not 100k";
        var window = reads.LatencyMs[ReadBench.WindowView];
        var report = reads.LatencyMs[ReadBench.Report];
        var production = r.ColdStarts.First(c => c.Mode == "Production");
        return
        [
            new("HTTP lifecycle events/s vs the raw twin", "≥ 40%", $"{ratio:P0} ({r.HttpMaximum.EventsPerSecond:N0} / {r.RawTwin.EventsPerSecond:N0})", ratio >= 0.40),
            new("window view p99 at 100k cases", "≤ 25 ms", Ms(window.P99), window.P99 <= 25, at),
            new("compression report p99 at 100k cases", "≤ 50 ms", Ms(report.P99), report.P99 <= 50, at),
            new("projection lag p99 at half the maximum load", "≤ 1 s", Ms(r.ProjectionLagMs.P99), r.ProjectionLagMs.P99 <= 1000),
            new("rebuild (CaseSummary)", "≥ 10,000 events/s", $"{r.Rebuild.EventsPerSecond:N0} events/s", r.Rebuild.EventsPerSecond >= 10_000,
                r.Rebuild.Events < 100_000 ? $"over {r.Rebuild.Events:N0} events only" : null),
            new("cold start to first 200, Production (pre-generated code)", "≤ 1.5 s", $"{production.MedianSeconds:0.00} s (median)", production.MedianSeconds <= 1.5),
            new("service peak memory (VmHWM)", "≤ 400 MB", $"{r.ServicePeakMemoryMB:N0} MB", r.ServicePeakMemoryMB <= 400),
        ];
    }

    private static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}

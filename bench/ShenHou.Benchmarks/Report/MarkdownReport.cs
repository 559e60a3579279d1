using System.Text;
using ShenHou.Benchmarks.Infrastructure;
using ShenHou.Benchmarks.Writes;

namespace ShenHou.Benchmarks.Report;

/// <summary>
/// The results as markdown: written between the markers of docs/benchmarks.md (the prose around them
/// is kept), or as a file of its own for a smoke run.
/// </summary>
public static class MarkdownReport
{
    public const string Start = "<!-- results:start (written by bench/ShenHou.Benchmarks; do not edit) -->";
    public const string End = "<!-- results:end -->";

    public static string Render(BenchResults r)
    {
        var s = new StringBuilder();
        var m = r.Machine;
        s.AppendLine($"Run `{r.Profile}` on {m.Date:yyyy-MM-dd HH:mm} UTC, commit {m.GitCommit}, {r.TotalSeconds / 60:0.0} minutes in all.");
        s.AppendLine();
        s.AppendLine("| machine | |");
        s.AppendLine("|---|---|");
        s.AppendLine($"| cores | {m.Cores} ({m.Cpu}) |");
        s.AppendLine($"| memory | {m.MemoryGiB} GiB |");
        s.AppendLine($"| OS | {m.Os}, kernel {m.Kernel} |");
        s.AppendLine($"| .NET | {m.DotNet} |");
        s.AppendLine($"| PostgreSQL | {m.PostgreSql} (throwaway cluster of scripts/pg.sh: fsync and synchronous_commit off) |");
        s.AppendLine($"| load average at start | {m.LoadAverageAtStart} |");
        s.AppendLine();

        s.AppendLine("### Targets");
        s.AppendLine();
        s.AppendLine("| target | wanted | measured | met |");
        s.AppendLine("|---|---|---|---|");
        foreach (var t in r.Targets)
            s.AppendLine($"| {t.Name} | {t.Target} | {t.Measured}{(t.Note is null ? "" : $" ({t.Note})")} | {(t.Met ? "met" : "**not met**")} |");
        s.AppendLine();

        s.AppendLine("### Writes, side by side");
        s.AppendLine();
        s.AppendLine("| path | concurrency | cases | commands (requests) | events | cases/s | commands/s | events/s | vs raw twin | command p50 / p99 |");
        s.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var w in new[] { r.RawTwin, r.MartenAppends, r.HttpMaximum }) s.AppendLine(Row(w, r.RawTwin));
        s.AppendLine();
        var f = r.HttpFixedRate;
        s.AppendLine($"HTTP lifecycles at a fixed arrival rate of {f.TargetCasesPerSecond} cases/s (half the maximum) for {f.Seconds:0} s: " +
                     $"{f.Cases} cases, {f.CasesPerSecond} cases/s, {f.EventsPerSecond:N0} events/s, {f.Failures} failed.");
        s.AppendLine();
        s.AppendLine("| request | count | p50 ms | p95 ms | p99 ms | max ms |");
        s.AppendLine("|---|---|---|---|---|---|");
        foreach (var (kind, p) in f.ByRequestMs) s.AppendLine(Latency(kind, p));
        s.AppendLine(Latency("**every request**", f.RequestLatencyMs));
        s.AppendLine(Latency("**whole case** (submit to delivery)", f.CaseDurationMs));
        s.AppendLine();

        s.AppendLine("### Reads by size (one request at a time)");
        s.AppendLine();
        s.AppendLine("| cases | events | seeded in | daemon caught up in | read | requests | p50 ms | p99 ms |");
        s.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var read in r.Reads)
            foreach (var (name, p) in read.LatencyMs)
            {
                var label = name.StartsWith("department queue", StringComparison.Ordinal) ? $"{name} ({read.QueueDepartment})" : name;
                s.AppendLine($"| {read.Cases:N0} | {read.Events:N0} | {read.Seeding.Seconds:0.0} s ({read.Seeding.EventsPerSecond:N0} events/s) | {read.CatchUpSeconds:0.0} s | {label} | {p.Count} | {p.P50} | {p.P99} |");
            }
        s.AppendLine();

        s.AppendLine("### Projections, start-up, memory");
        s.AppendLine();
        s.AppendLine("| figure | value |");
        s.AppendLine("|---|---|");
        var lag = r.ProjectionLagMs;
        s.AppendLine($"| CaseSummary lag at half the maximum load (p50 / p95 / p99 / max, {lag.Count} samples) | {lag.P50} / {lag.P95} / {lag.P99} / {lag.Max} ms |");
        var b = r.Rebuild;
        s.AppendLine($"| rebuild CaseSummary: {b.Events:N0} events of {b.Cases:N0} cases | {b.EventsPerSecond:N0} events/s ({b.RebuildSeconds:0.0} s; command wall time {b.WallSeconds:0.0} s less its start {b.StartSeconds:0.0} s) |");
        foreach (var c in r.ColdStarts)
            s.AppendLine($"| cold start to first 200, {c.Mode} ({(c.Mode == "Production" ? "pre-generated code" : "code generated at start-up")}) | {c.MedianSeconds:0.00} s median of [{string.Join(", ", c.RunsSeconds.Select(x => x.ToString("0.00")))}] |");
        s.AppendLine($"| service peak memory (VmHWM of the service process across the load and the reads) | {r.ServicePeakMemoryMB:N0} MB |");
        return s.ToString();
    }

    /// <summary>Replaces the results between the markers of <paramref name="path"/>, or appends them.</summary>
    public static void WriteInto(string path, string results)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var block = $"{Start}\n{results}{End}";
        var from = text.IndexOf(Start, StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        text = from >= 0 && to > from ? text[..from] + block + text[(to + End.Length)..] : text.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(path, text);
    }

    private static string Row(WriteResult w, WriteResult raw) =>
        $"| {w.Name} | {w.Concurrency} | {w.Cases:N0} | {w.Commands:N0} | {w.Events:N0} | {w.CasesPerSecond:N1} | {w.CommandsPerSecond:N0} | " +
        $"{w.EventsPerSecond:N0} | {w.EventsPerSecond / raw.EventsPerSecond:P0} | {w.CommandLatencyMs.P50} / {w.CommandLatencyMs.P99} ms |";

    private static string Latency(string name, Percentiles p) => $"| {name} | {p.Count} | {p.P50} | {p.P95} | {p.P99} | {p.Max} |";
}

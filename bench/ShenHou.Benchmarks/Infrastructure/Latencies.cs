using System.Collections.Concurrent;

namespace ShenHou.Benchmarks.Infrastructure;

/// <summary>p50/p95/p99 in milliseconds over a set of samples.</summary>
public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0) return new Percentiles(0, 0, 0, 0, 0);
        // Nearest rank: the smallest sample with at least p of the samples at or below it.
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, Round(At(0.50)), Round(At(0.95)), Round(At(0.99)), Round(sorted[^1]));
    }

    private static double Round(double ms) => Math.Round(ms, 2);
}

/// <summary>Thread-safe latency samples by kind (e.g. per endpoint).</summary>
public sealed class LatencyLog
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _samples = new();

    public void Add(string kind, double milliseconds) => _samples.GetOrAdd(kind, _ => []).Add(milliseconds);

    public Percentiles All() => Percentiles.Of(_samples.Values.SelectMany(s => s));

    public IReadOnlyDictionary<string, Percentiles> ByKind() =>
        _samples.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => Percentiles.Of(s.Value));
}

using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ShenHou.Api.DataSharing;

/// <summary>
/// How long and how often the HTTP adapters try a registry (DataSharing:Resilience). A registry is
/// asked while a person waits at the window, so the defaults give up within seconds.
/// </summary>
public sealed class DataSharingResilienceOptions
{
    public const string Section = "DataSharing:Resilience";

    /// <summary>One try; must be less than <see cref="TotalTimeout"/>.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>All tries and the waits between them.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after the first try, for 5xx, 408, 429, connection failures and attempt timeouts (at least 1).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First wait before a retry; it doubles each time, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Share of failed tries in the sampling window that opens the circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Tries needed in the window before the ratio counts (at least 2).</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>The window; at least twice <see cref="AttemptTimeout"/>.</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit answers at once without calling the registry (at least 0.5 s).</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The first broken rule, null when the options are usable.</summary>
    public string? Problem() =>
        AttemptTimeout <= TimeSpan.Zero ? "AttemptTimeout must be positive"
        : TotalTimeout <= AttemptTimeout ? "TotalTimeout must be greater than AttemptTimeout"
        : MaxRetries < 1 ? "MaxRetries must be at least 1"
        : RetryDelay < TimeSpan.Zero ? "RetryDelay must not be negative"
        : CircuitFailureRatio is <= 0 or > 1 ? "CircuitFailureRatio must be in (0, 1]"
        : CircuitMinimumThroughput < 2 ? "CircuitMinimumThroughput must be at least 2"
        : CircuitSamplingDuration < 2 * AttemptTimeout ? "CircuitSamplingDuration must be at least twice AttemptTimeout"
        : CircuitBreakDuration < TimeSpan.FromMilliseconds(500) ? "CircuitBreakDuration must be at least 0.5 s"
        : null;

    internal void ApplyTo(HttpStandardResilienceOptions o)
    {
        if (Problem() is { } problem) throw new InvalidOperationException($"{Section}: {problem}");
        o.AttemptTimeout.Timeout = AttemptTimeout;
        o.TotalRequestTimeout.Timeout = TotalTimeout;
        o.Retry.MaxRetryAttempts = MaxRetries;
        o.Retry.Delay = RetryDelay;
        o.Retry.BackoffType = DelayBackoffType.Exponential;
        o.Retry.UseJitter = true;
        o.CircuitBreaker.FailureRatio = CircuitFailureRatio;
        o.CircuitBreaker.MinimumThroughput = CircuitMinimumThroughput;
        o.CircuitBreaker.SamplingDuration = CircuitSamplingDuration;
        o.CircuitBreaker.BreakDuration = CircuitBreakDuration;
    }
}

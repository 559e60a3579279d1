namespace ShenHou.Api.Integration;

/// <summary>
/// The <c>Integration</c> section: the departments' own platforms, how pushes to them are retried,
/// and the department simulator. A department without a platform (and without the simulator) gets
/// no pushes: its reviewers work its items in the queue.
/// </summary>
public sealed class IntegrationOptions
{
    public const string Section = "Integration";

    /// <summary>By catalog department code, e.g. <c>Integration:Departments:HRSS:Url</c> and <c>:Key</c>.</summary>
    public Dictionary<string, DepartmentPlatformOptions> Departments { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The waits before each retry of a push that failed for a reason that may pass (5xx, 408, 429, no
    /// connection, timeout). After the last one the push goes to the dead letters. Null: 1 s, 5 s, 30 s.
    /// </summary>
    /// <remarks>Null rather than a default array: the configuration binder appends to an array it finds.</remarks>
    public TimeSpan[]? RetryDelays { get; set; }

    public IReadOnlyList<TimeSpan> Retries => RetryDelays ?? [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    /// <summary>One HTTP request to a platform.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How far a signature's timestamp may be from the service clock, either way.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Pushes sent at the same time (a platform that is down holds one slot per push while it waits).</summary>
    public int MaxParallelPushes { get; set; } = 16;

    /// <summary>
    /// How often Wolverine's durability agent looks for work in PostgreSQL (replayed dead letters among
    /// it). Null keeps Wolverine's default (5 s); tests shorten it.
    /// </summary>
    public TimeSpan? DurabilityPollingTime { get; set; }

    public DepartmentSimulatorOptions Simulator { get; set; } = new();

    /// <summary>The first broken rule, null when the options are usable.</summary>
    public string? Problem()
    {
        if (Retries.Any(d => d < TimeSpan.Zero)) return "RetryDelays must not be negative";
        if (RequestTimeout <= TimeSpan.Zero) return "RequestTimeout must be positive";
        if (SignatureTolerance <= TimeSpan.Zero) return "SignatureTolerance must be positive";
        if (MaxParallelPushes < 1) return "MaxParallelPushes must be at least 1";
        if (DurabilityPollingTime <= TimeSpan.Zero) return "DurabilityPollingTime must be positive";
        if (Simulator.Delay < TimeSpan.Zero) return "Simulator:Delay must not be negative";
        foreach (var (code, platform) in Departments)
        {
            if (!Uri.TryCreate(platform.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                return $"Departments:{code}:Url must be an absolute http(s) URL";
            if (string.IsNullOrEmpty(platform.Key) || System.Text.Encoding.UTF8.GetByteCount(platform.Key) < 32)
                return $"Departments:{code}:Key must be at least 32 bytes";
        }
        return null;
    }
}

/// <summary>Where a department's platform takes pushes, and the key both sides sign with.</summary>
public sealed class DepartmentPlatformOptions
{
    public string Url { get; set; } = "";
    /// <summary>A shared secret of at least 32 bytes (UTF-8): HMAC-SHA256 in both directions.</summary>
    public string Key { get; set; } = "";
}

/// <summary><c>Integration:Simulator</c>: stands in for every department that has no platform configured.</summary>
public sealed class DepartmentSimulatorOptions
{
    /// <summary>Off by default; scripts/run.sh turns it on.</summary>
    public bool Enabled { get; set; }

    /// <summary>How long a simulated department takes before it answers (once to decide, once to issue).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The loopback port it listens on; 0 picks a free one.</summary>
    public int Port { get; set; }
}

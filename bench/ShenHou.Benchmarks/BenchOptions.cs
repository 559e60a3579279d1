namespace ShenHou.Benchmarks;

/// <summary>How big each measurement is. Smoke exercises every path in about a minute; full is the real run.</summary>
public sealed record BenchProfile(
    string Name,
    int Concurrency,
    int RawTwinCases,
    int MartenCases,
    int HttpMaxCases,
    TimeSpan HttpFixedRateDuration,
    IReadOnlyList<int> ReadSizes,
    int ReadSamples,
    int ColdStarts)
{
    public static BenchProfile Smoke => new("smoke", 8, 60, 40, 24, TimeSpan.FromSeconds(4), [300, 1_000], 15, 1);

    public static BenchProfile Full => new("full", 16, 1_500, 1_000, 400, TimeSpan.FromSeconds(45), [10_000, 100_000], 200, 3);

    public static BenchProfile Million => Full with { Name = "million", ReadSizes = [10_000, 100_000, 1_000_000] };
}

/// <summary>
/// The command line: <c>--smoke|--full|--million --api-dll PATH --repo DIR [--out DIR] [--keep]</c>.
/// <c>--keep</c> leaves the cluster running afterwards, with the largest database, for EXPLAIN ANALYZE.
/// <c>--http-only</c> measures the raw twin and the HTTP maximum alone and writes nothing: a quick
/// loop for profiling the write path (a minute or two).
/// </summary>
public sealed record BenchOptions(BenchProfile Profile, string ApiDll, string RepoRoot, string OutputDir, bool WriteDocs, bool Keep,
    bool HttpOnly = false)
{
    public static BenchOptions Parse(string[] args)
    {
        var profile = BenchProfile.Smoke;
        string? apiDll = null, repo = null, output = null;
        var keep = false;
        var httpOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--smoke": profile = BenchProfile.Smoke; break;
                case "--full": profile = BenchProfile.Full; break;
                case "--million": profile = BenchProfile.Million; break;
                case "--api-dll": apiDll = args[++i]; break;
                case "--repo": repo = args[++i]; break;
                case "--out": output = args[++i]; break;
                case "--keep": keep = true; break;
                case "--http-only": httpOnly = true; break;
                default: throw new ArgumentException($"unknown argument {args[i]}; usage: --smoke|--full|--million --api-dll PATH --repo DIR [--out DIR] [--keep] [--http-only]");
            }
        }
        repo = Path.GetFullPath(repo ?? Directory.GetCurrentDirectory());
        apiDll = Path.GetFullPath(apiDll ?? throw new ArgumentException("--api-dll PATH (the Release build of src/ShenHou.Api) is required"));
        // Smoke results go to a temporary folder: CI must not rewrite the committed figures.
        var writeDocs = profile.Name != "smoke" && output is null && !httpOnly;
        output ??= writeDocs ? Path.Combine(repo, "docs") : Directory.CreateTempSubdirectory("shenhou-bench-").FullName;
        return new BenchOptions(profile, apiDll, repo, Path.GetFullPath(output), writeDocs, keep, httpOnly);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ShenHou.Api.Infrastructure;
using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;

namespace ShenHou.Api.Demo;

/// <summary>
/// Demo data at start-up: with <c>Demo:SeedCases</c> &gt; 0 the service files that many demo cases
/// against itself, over HTTP, once it listens. <c>Demo:RandomSeed</c> fixes their shapes;
/// <c>Demo:Concurrency</c> is how many are filed at a time.
/// </summary>
public static class DemoSeeding
{
    public const string Section = "Demo";
    /// <summary>21 May 2025, the date of the plan (甘政办发〔2025〕43号).</summary>
    public const int DefaultRandomSeed = 20250521;
    public const int DefaultConcurrency = 4;

    /// <summary>The one line in Program.cs. Cheap when seeding is off: the service reads its settings and ends.</summary>
    public static IServiceCollection Add(IServiceCollection services) =>
        services.AddSingleton<DemoCases>().AddHostedService<DemoSeedingService>();

    /// <summary>
    /// The address the service can call itself on: http before https, and a wildcard host
    /// (+, *, 0.0.0.0, [::]) as the loopback address. Null when there is none.
    /// </summary>
    public static Uri? SelfAddress(IEnumerable<string> addresses)
    {
        Uri? best = null;
        foreach (var raw in addresses)
        {
            var text = raw.Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal)
                .Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal)
                .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal)
                .Replace("://[::]:", "://[::1]:", StringComparison.Ordinal);
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) continue;
            if (best is null || (best.Scheme == "https" && uri.Scheme == "http")) best = uri;
        }
        return best is null ? null : new Uri(best.GetLeftPart(UriPartial.Authority) + "/");
    }
}

/// <summary>
/// Waits for the application to start listening, then files the demo cases with
/// <see cref="DemoCaseFiler"/>, logging progress and a summary. Never blocks start-up and never
/// brings the service down: every failure is logged and the service runs on.
/// </summary>
internal sealed class DemoSeedingService(
    IConfiguration configuration, IServer server, IHostApplicationLifetime lifetime, ServiceCatalog catalog,
    ServiceClock clock, Access.TokenIssuer tokens, DemoCases cases, ILogger<DemoSeedingService> log) : BackgroundService
{
    /// <summary>Give up when this many cases in a row fail: the service is not answering as it should.</summary>
    private const int FailuresInARow = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Read("SeedCases", 0, out var count) || count <= 0) return;
        if (!Read("RandomSeed", DemoSeeding.DefaultRandomSeed, out var seed)
            || !Read("Concurrency", DemoSeeding.DefaultConcurrency, out var concurrency)) return;
        concurrency = Math.Clamp(concurrency, 1, 16);
        // The server stops listening before hosted services are stopped: stop filing as soon as the app is stopping.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
                await started.Task.WaitAsync(stopping.Token);

            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (DemoSeeding.SelfAddress(addresses) is not { } address)
            {
                log.LogError("Demo data: the server reports no http(s) address to call ({Addresses}); no demo cases filed",
                    string.Join(", ", addresses));
                return;
            }
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(100) };
            await Seed(new DemoCaseFiler(http, catalog, clock, seed, tokens, filed: cases.Add), count, concurrency, address, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            log.LogInformation("Demo data: the service is stopping; no more demo cases");
        }
        catch (Exception e)
        {
            log.LogError(e, "Demo data: seeding failed; the service runs on without (all of) the demo cases");
        }
    }

    private async Task Seed(DemoCaseFiler filer, int count, int concurrency, Uri address, CancellationToken stoppingToken)
    {
        log.LogInformation("Demo data: filing {Count} demo cases through {Address} (Demo:RandomSeed {Seed}, {Concurrency} at a time)",
            count, address, filer.Seed, concurrency);
        var watch = Stopwatch.StartNew();
        var statuses = new ConcurrentDictionary<CaseStatus, int>();
        int done = 0, failed = 0, inARow = 0;
        var every = Math.Max(1, count / 10);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count),
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = giveUp.Token },
                async (index, ct) =>
                {
                    try
                    {
                        var filed = await filer.FileAsync(index, ct);
                        statuses.AddOrUpdate(filed.Status, 1, (_, n) => n + 1);
                        Interlocked.Exchange(ref inARow, 0);
                    }
                    catch (Exception) when (ct.IsCancellationRequested)
                    {
                        return; // stopping or given up: this case stays as far as it got
                    }
                    catch (Exception e)
                    {
                        Interlocked.Increment(ref failed);
                        log.LogError("Demo data: case #{Index} ({Shape}) failed: {Error}", index, filer.Plan(index).Shape,
                            e is DemoFilingException or HttpRequestException ? e.Message : e.ToString());
                        if (Interlocked.Increment(ref inARow) >= FailuresInARow)
                        {
                            log.LogError("Demo data: {Failures} cases in a row failed; giving up on the rest", FailuresInARow);
                            await giveUp.CancelAsync();
                        }
                    }
                    var n = Interlocked.Increment(ref done);
                    if (n % every == 0 && n < count)
                        log.LogInformation("Demo data: {Done}/{Count} cases filed ({Failed} failed)", n, count, Volatile.Read(ref failed));
                });
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            // Gave up, or the service is stopping: the summary below says how far it got.
        }

        var mix = string.Join(", ", statuses.OrderByDescending(s => s.Value).Select(s =>
            string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value}")));
        var filedCount = statuses.Values.Sum();
        var level = failed > 0 || filedCount < count ? LogLevel.Warning : LogLevel.Information;
        log.Log(level, "Demo data: filed {Filed} of {Count} demo cases in {Seconds:0.0} s ({Mix}); {Failed} failed{Stopped}. See GET /api/cases",
            filedCount, count, watch.Elapsed.TotalSeconds, mix.Length == 0 ? "none" : mix, failed,
            stoppingToken.IsCancellationRequested ? "; stopped with the service" : "");
    }

    private bool Read(string key, int fallback, out int value)
    {
        value = fallback;
        var raw = configuration[$"{DemoSeeding.Section}:{key}"];
        if (string.IsNullOrWhiteSpace(raw)) return true;
        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out value)) return true;
        log.LogError("Demo data: {Section}:{Key} = '{Raw}' is not a whole number; no demo cases filed", DemoSeeding.Section, key, raw);
        return false;
    }
}

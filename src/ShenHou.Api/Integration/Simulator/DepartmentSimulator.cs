using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ShenHou.Api.Demo;
using ShenHou.Api.Infrastructure;

namespace ShenHou.Api.Integration.Simulator;

/// <summary>
/// 部门平台模拟器: stands in for the departments' own platforms in the embedded default
/// (<c>Integration:Simulator:Enabled</c>; scripts/run.sh turns it on). It is an HTTP server of its own
/// on a loopback port, taking the signed pushes of every department that has no platform configured,
/// checking them like a real platform and dropping repeats by push id. After
/// <c>Integration:Simulator:Delay</c> it approves the item, and after another delay issues its result,
/// through the service's public results endpoint, signed with the department's key: a case filed and
/// accepted by hand then runs to ready-for-delivery without anyone. With a zero delay it answers
/// before acknowledging the push (what tests use). Cases the demo seeder files are left to the
/// seeder's own reviewers.
/// </summary>
internal sealed class DepartmentSimulator(
    DepartmentPlatforms platforms, ServiceClock clock, IServer server, IHttpClientFactory clients, DemoCases seeded,
    ILogger<DepartmentSimulator> log) : IHostedService
{
    /// <summary>The named HttpClient the callbacks go through; its base address defaults to the service's own.</summary>
    public const string CallbackClient = "department-simulator";

    private readonly ConcurrentDictionary<Guid, byte> _seen = new();
    private readonly ConcurrentDictionary<Task, byte> _answering = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    public static void Add(IServiceCollection services)
    {
        services.AddHttpClient(CallbackClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHostedService<DepartmentSimulator>();
    }

    public async Task StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, platforms.Options.Simulator.Port));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/departments/{code}/pushes", Receive);
        await _app.StartAsync(ct);
        platforms.SimulatorAddress = new Uri(_app.Urls.First() + "/");
        log.LogInformation("Department simulator listening on {Address} for {Departments}; answers after {Delay}",
            platforms.SimulatorAddress, string.Join(", ", platforms.Simulated.Order()), platforms.Options.Simulator.Delay);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_answering.Keys).WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // Stopping took too long: the answers still waiting are dropped.
        }
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task<IResult> Receive(string code, HttpContext http)
    {
        if (!platforms.IsSimulated(code) || platforms.Key(code) is not { } key) return Results.NotFound();
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var body = buffer.ToArray();
        var check = DepartmentSignature.Verify(key, http.Request.Headers[DepartmentSignature.TimestampHeader],
            http.Request.Headers[DepartmentSignature.SignatureHeader], body, clock.GetUtcNow(), platforms.Options.SignatureTolerance);
        if (check != SignatureCheck.Valid) return Results.Unauthorized();
        var push = JsonSerializer.Deserialize<DepartmentPush>(body, Json.Options);
        if (push is null || push.Department != code) return Results.BadRequest();

        if (!_seen.TryAdd(push.PushId, 0) || seeded.Contains(push.CaseId)) return Results.Accepted();
        var delay = platforms.Options.Simulator.Delay;
        if (delay == TimeSpan.Zero)
        {
            await Answer(push, key, delay);
            return Results.Accepted();
        }
        var answering = Task.Run(() => Answer(push, key, delay));
        _answering.TryAdd(answering, 0);
        _ = answering.ContinueWith(t => _answering.TryRemove(t, out _), TaskScheduler.Default);
        return Results.Accepted();
    }

    /// <summary>Approve, then issue: two results, each with its own id.</summary>
    private async Task Answer(DepartmentPush push, string key, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _stopping.Token);
            if (!await Send(push, key, new DepartmentResult($"SIM-{push.PushId:N}-A", push.CaseId, push.ItemCode,
                    Domain.Cases.DepartmentOutcome.Approved, "模拟部门审核通过 / approved by the simulated department", null))) return;
            await Task.Delay(delay, _stopping.Token);
            await Send(push, key, new DepartmentResult($"SIM-{push.PushId:N}-I", push.CaseId, push.ItemCode,
                Domain.Cases.DepartmentOutcome.Issued, null, $"SIM-{push.Department}-{push.CaseNumber}-{push.ItemCode}"));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The service is stopping: the push was acknowledged, so this item is left to the reviewers.
        }
        catch (Exception e)
        {
            log.LogError(e, "Department simulator: answering {Department} push {PushId} failed", push.Department, push.PushId);
        }
    }

    /// <summary>True when the service took the result; a refusal (staff acted first, the case was withdrawn) ends the item.</summary>
    private async Task<bool> Send(DepartmentPush push, string key, DepartmentResult result)
    {
        var http = clients.CreateClient(CallbackClient);
        var baseAddress = http.BaseAddress ?? DemoSeeding.SelfAddress(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            ?? throw new InvalidOperationException("the service reports no http(s) address to send results to");
        var body = JsonSerializer.SerializeToUtf8Bytes(result, Json.Options);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, push.ResultsPath))
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
            };
            DepartmentSignature.Apply(request, key, clock.GetUtcNow(), body);
            try
            {
                using var response = await http.SendAsync(request, _stopping.Token);
                if (response.IsSuccessStatusCode) return true;
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    log.LogInformation("Department simulator: {Department} result {Outcome} for {CaseNumber} {Item} refused ({Status}): {Problem}",
                        push.Department, result.Outcome, push.CaseNumber, push.ItemCode, (int)response.StatusCode,
                        await response.Content.ReadAsStringAsync(_stopping.Token));
                    return false;
                }
            }
            catch (HttpRequestException e)
            {
                log.LogWarning("Department simulator: the service did not answer ({Error}); attempt {Attempt} of 5", e.Message, attempt);
            }
            await Task.Delay(TimeSpan.FromSeconds(attempt), _stopping.Token);
        }
        return false;
    }
}

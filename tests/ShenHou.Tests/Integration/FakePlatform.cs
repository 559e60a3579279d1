using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ShenHou.Api.Integration;
using ShenHou.Tests.DataSharing;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Integration;

/// <summary>
/// The departments' platforms as one real loopback HTTP server (<c>/departments/{code}/pushes</c>): it
/// checks each push's signature against the test clock, can be down, and takes each push id once
/// however often it arrives, as an honest platform does.
/// </summary>
internal sealed class FakePlatform : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<DepartmentPush> _deliveries = new();
    private readonly ConcurrentDictionary<Guid, DepartmentPush> _taken = new();
    private int _refuseNext;
    private int _loseNextAnswers;
    private int _refused;

    private FakePlatform(LoopbackServer server) => _server = server;

    public static string KeyOf(string department) => $"platform-key-{department}-0123456789abcdef";

    public Uri UrlOf(string department) => new(_server.BaseUrl, $"departments/{department}/pushes");

    /// <summary>Every push that arrived with a valid signature, repeats included.</summary>
    public IReadOnlyCollection<DepartmentPush> Deliveries => _deliveries.ToArray();

    /// <summary>Each push taken, once: what the platform acted on.</summary>
    public IReadOnlyDictionary<Guid, DepartmentPush> Taken => _taken;

    /// <summary>Requests answered 503 while down.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public int BadSignatures { get; private set; }

    /// <summary>Down (503) for everything until <see cref="Up"/>.</summary>
    public bool Down { get; set; }

    public void Up() => Down = false;

    /// <summary>Down for the next <paramref name="requests"/> requests, then up by itself.</summary>
    public void RefuseNext(int requests) => Volatile.Write(ref _refuseNext, requests);

    /// <summary>Takes the next pushes but answers 500, as if the answer were lost on the way back.</summary>
    public void LoseNextAnswers(int requests) => Volatile.Write(ref _loseNextAnswers, requests);

    public void Reset()
    {
        Down = false;
        _refuseNext = _loseNextAnswers = _refused = 0;
        BadSignatures = 0;
        _deliveries.Clear();
        _taken.Clear();
    }

    public static async Task<FakePlatform> StartAsync(TestClock clock, TimeSpan tolerance)
    {
        FakePlatform? platform = null;
        var server = await LoopbackServer.StartAsync(context => platform!.Handle(context, clock, tolerance));
        platform = new FakePlatform(server);
        return platform;
    }

    private async Task Handle(HttpContext context, TestClock clock, TimeSpan tolerance)
    {
        if (Down || Interlocked.Decrement(ref _refuseNext) >= 0)
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        var department = context.Request.Path.Value!.Split('/')[2];
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var check = DepartmentSignature.Verify(KeyOf(department), context.Request.Headers[DepartmentSignature.TimestampHeader],
            context.Request.Headers[DepartmentSignature.SignatureHeader], buffer.ToArray(), clock.GetUtcNow(), tolerance);
        if (check != SignatureCheck.Valid)
        {
            BadSignatures++;
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        var push = JsonSerializer.Deserialize<DepartmentPush>(buffer.ToArray(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        _deliveries.Enqueue(push);
        _taken.TryAdd(push.PushId, push); // a repeat changes nothing
        context.Response.StatusCode = Interlocked.Decrement(ref _loseNextAnswers) >= 0
            ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status202Accepted;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

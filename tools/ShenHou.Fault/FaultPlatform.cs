using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ShenHou.Api.Integration;

namespace ShenHou.Fault;

/// <summary>
/// Every department's platform, outside the service's process so that it outlives the kills: it
/// checks each push's signature, answers one in ten with 503 (so retries happen), and takes each
/// push id once however often it comes.
/// </summary>
public sealed class FaultPlatform : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();
    private readonly Random _random = new(20261204);
    private long _refused, _forged;

    public FaultPlatform(int port)
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/departments/");
        _listener.Start();
        _ = Task.Run(Serve);
    }

    public static string KeyOf(string department) => $"fault-platform-key-{department}-0123456789abcdef";

    /// <summary>Push id → how many times it arrived (taken once, whatever the count).</summary>
    public IReadOnlyDictionary<Guid, int> Deliveries => _deliveries;

    public long Refused => Interlocked.Read(ref _refused);
    public long Forged => Interlocked.Read(ref _forged);

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            _ = Task.Run(() => Handle(context));
        }
    }

    private async Task Handle(HttpListenerContext context)
    {
        using var response = context.Response;
        bool refuse;
        lock (_random) refuse = _random.Next(10) == 0;
        if (refuse)
        {
            Interlocked.Increment(ref _refused);
            response.StatusCode = 503;
            return;
        }
        var department = context.Request.Url!.Segments[2].TrimEnd('/');
        using var buffer = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(buffer);
        var check = DepartmentSignature.Verify(KeyOf(department), context.Request.Headers[DepartmentSignature.TimestampHeader],
            context.Request.Headers[DepartmentSignature.SignatureHeader], buffer.ToArray(), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        if (check != SignatureCheck.Valid)
        {
            Interlocked.Increment(ref _forged);
            response.StatusCode = 401;
            return;
        }
        var push = JsonSerializer.Deserialize<DepartmentPush>(buffer.ToArray(), FaultClient.Json)!;
        _deliveries.AddOrUpdate(push.PushId, 1, (_, n) => n + 1);
        response.StatusCode = 202;
    }

    public void Dispose() => _listener.Close();
}

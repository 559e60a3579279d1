using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ShenHou.Tests.DataSharing;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, standing in for a registry.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _paths;

    private LoopbackServer(WebApplication app, ConcurrentQueue<string> paths, Uri baseUrl)
    {
        _app = app;
        _paths = paths;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Request paths in arrival order, e.g. /people/620102….</summary>
    public IReadOnlyCollection<string> Paths => _paths.ToArray();

    public int Requests => _paths.Count;

    public static async Task<LoopbackServer> StartAsync(RequestDelegate handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        // Requests still hanging when a test ends must not hold the shutdown for the default 30 s.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200));
        var app = builder.Build();
        var paths = new ConcurrentQueue<string>();
        app.Run(context =>
        {
            paths.Enqueue(context.Request.Path.Value ?? "");
            return handle(context);
        });
        await app.StartAsync();
        return new LoopbackServer(app, paths, new Uri(app.Urls.Single()));
    }

    /// <summary>A loopback port nothing listens on: bound once to get it, then released.</summary>
    public static Uri ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

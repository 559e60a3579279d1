using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ShenHou.Benchmarks.Infrastructure;

/// <summary>
/// The real service as a separate process (<c>dotnet ShenHou.Api.dll</c>) on a free loopback port,
/// its console output in a log file. Production loads the pre-generated handlers (TypeLoadMode.Static);
/// Development generates them at start-up.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri address, string log) => (_process, Address, LogFile) = (process, address, log);

    public Uri Address { get; }
    public string LogFile { get; }
    public int Pid => _process.Id;
    public DateTime StartedAt { get; private init; }

    public static ServiceProcess Start(string apiDll, string connectionString, string logDir, string environment = "Production",
        params string[] args)
    {
        var port = FreePort();
        var log = Path.Combine(logDir, $"service-{environment.ToLowerInvariant()}-{port}.log");
        // exec: the pid is the service itself, so /proc/<pid>/status is its memory.
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var a in (string[])["-c", "exec dotnet \"$@\" >>\"$LOG\" 2>&1", "sh", apiDll, .. args]) info.ArgumentList.Add(a);
        info.Environment["LOG"] = log;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["ConnectionStrings__shenhou"] = connectionString;
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // No rate limit for a load generator, no deadline sweeps competing with the load, dev tokens on.
        info.Environment["Limits__RequestsPerMinute"] = "0";
        info.Environment["Deadlines__SweepInterval"] = "00:00:00";
        info.Environment["Auth__DevTokens"] = "true";
        // The harness decides and issues every item itself: no department simulator answering pushes.
        info.Environment["Integration__Simulator__Enabled"] = "false";
        info.WorkingDirectory = Path.GetDirectoryName(apiDll)!;
        var started = DateTime.UtcNow;
        var process = Process.Start(info)!;
        return new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}/"), log) { StartedAt = started };
    }

    /// <summary>Runs a command of the service (e.g. <c>projections rebuild</c>) to its end; the wall time.</summary>
    public static async Task<TimeSpan> RunCommand(string apiDll, string connectionString, string logDir, params string[] args)
    {
        var clock = Stopwatch.StartNew();
        await using var command = Start(apiDll, connectionString, logDir, "Production", args);
        await command._process.WaitForExitAsync();
        if (command._process.ExitCode != 0)
            throw new InvalidOperationException($"`{string.Join(' ', args)}` exited with {command._process.ExitCode}; see {command.LogFile}");
        return clock.Elapsed;
    }

    /// <summary>Polls until <paramref name="ready"/> answers true (the port opens, then a real request succeeds).</summary>
    public async Task<TimeSpan> WaitUntil(Func<Task<bool>> ready, TimeSpan timeout)
    {
        var deadline = StartedAt + timeout;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the service exited with {_process.ExitCode} while starting; see {LogFile}");
            try
            {
                if (await ready()) return DateTime.UtcNow - StartedAt;
            }
            catch (HttpRequestException) { } // not listening yet
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the service did not answer within {timeout}; see {LogFile}");
            await Task.Delay(5);
        }
    }

    /// <summary>The peak resident memory so far (VmHWM), in MB (10^6 bytes, as the target is stated).</summary>
    public double PeakMemoryMB() => Math.Round(StatusKiB("VmHWM") * 1024 / 1e6, 1);

    /// <summary>Polls the readiness probe (the database answers) until it says 200.</summary>
    public async Task<TimeSpan> WaitUntilReady(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        return await WaitUntil(async () => (await http.GetAsync("health/ready")).IsSuccessStatusCode, timeout);
    }

    private double StatusKiB(string field)
    {
        if (!File.Exists($"/proc/{Pid}/status")) return 0; // exited
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return double.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]);
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: a graceful stop releases the daemon's leadership and the durable agents at once.
            _ = Kill(_process.Id, 15);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await _process.WaitForExitAsync(patience.Token); }
            catch (OperationCanceledException) { _process.Kill(); await _process.WaitForExitAsync(); }
        }
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

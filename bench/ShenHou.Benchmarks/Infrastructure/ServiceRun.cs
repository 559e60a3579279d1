namespace ShenHou.Benchmarks.Infrastructure;

/// <summary>The service process of the load and read stages, restarted between sizes; remembers its peak memory.</summary>
public sealed class ServiceRun(string apiDll, string connectionString, string logs)
{
    public ServiceProcess? Current { get; private set; }
    public double PeakMemoryMB { get; private set; }

    public async Task Restart()
    {
        await Stop();
        Current = ServiceProcess.Start(apiDll, connectionString, logs);
        await Current.WaitUntilReady(TimeSpan.FromSeconds(120));
    }

    public async Task Stop()
    {
        if (Current is null) return;
        PeakMemoryMB = Math.Max(PeakMemoryMB, Current.PeakMemoryMB());
        await Current.DisposeAsync();
        Current = null;
    }
}

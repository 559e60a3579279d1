using Alba;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShenHou.Api.Infrastructure;
using Wolverine;

namespace ShenHou.Tests.Support;

/// <summary>
/// One API host per test run against the real PostgreSQL that scripts/test.sh starts
/// (ConnectionStrings__shenhou). Tests reset the data, never the schema.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    /// <summary>Thursday 2026-12-03 10:00 in Lanzhou: a working day, inside a working week.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8));

    public TestClock Clock { get; } = new(Start);
    /// <summary>Every log line every host of this fixture wrote, for the personal-data scans.</summary>
    public CapturedLogs Logs { get; } = new();
    public IAlbaHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ConnectionStrings__shenhou")))
            throw new InvalidOperationException(
                "Integration tests need PostgreSQL: run them with scripts/test.sh, which starts one.");

        Host = await StartHost();
    }

    /// <summary>
    /// A host on the shared database and clock. The deadline monitor's timer is off: tests sweep
    /// explicitly after moving the clock. The async daemon stays in its production HotCold mode:
    /// with Wolverine integrated, Solo mode never started its shards here.
    /// </summary>
    public Task<IAlbaHost> StartHost(params (string Key, string Value)[] settings) =>
        StartHost(Clock, settings, s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));

    /// <summary>The same kind of host on <paramref name="clock"/>, with more services (another database: tests/ShenHou.Tests/Integration).</summary>
    public static async Task<IAlbaHost> StartHost(TestClock clock, (string Key, string Value)[] settings,
        Action<IServiceCollection>? more = null) => await AlbaHost.For<Program>(x =>
    {
        x.UseSetting("Deadlines:SweepInterval", "00:00:00");
        // The suite sends thousands of requests a minute as one actor; LimitTests tries the limiter.
        x.UseSetting("Limits:RequestsPerMinute", "0");
        x.UseSetting("Auth:SigningKey", Staff.SigningKey);
        foreach (var (key, value) in settings) x.UseSetting(key, value);
        x.ConfigureServices(services =>
        {
            services.RemoveAll<ServiceClock>();
            services.AddSingleton(new ServiceClock(clock));
            services.RunWolverineInSoloMode();
            services.DisableAllExternalWolverineTransports();
            more?.Invoke(services);
        });
    });

    public async Task ResetAsync()
    {
        Clock.Now = Start;
        Logs.Clear();
        // A deadline check scheduled by the last test (the test clock is behind the real one, so checks
        // come due at once) can lock the same rows as the reset: PostgreSQL picks one side of the
        // deadlock to fail, and the reset simply runs again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Host.ResetAllMartenDataAsync();
                break;
            }
            catch (Exception e) when (attempt < 5 && IsDeadlock(e))
            {
            }
        }
        // Case-number counters live beside Marten's tables; a fresh day per test keeps numbers predictable.
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        session.QueueSqlCommand("delete from shenhou.case_number_counters");
        await session.SaveChangesAsync();
    }

    private static bool IsDeadlock(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected }) return true;
        return false;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "api";
}

/// <summary>Base for tests that use the shared host: every test starts from an empty database.</summary>
[Collection(AppCollection.Name)]
public abstract class ApiTest(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;
    protected IAlbaHost Host => App.Host;
    protected CaseApi Api => new(Host);

    public Task InitializeAsync() => App.ResetAsync();

    /// <summary>Waits until the async daemon has projected every event so far (the window view, reports).</summary>
    protected Task Projected() => Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
    public Task DisposeAsync() => Task.CompletedTask;
}

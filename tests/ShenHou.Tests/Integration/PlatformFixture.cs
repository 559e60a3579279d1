using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ShenHou.Domain.Catalog;
using ShenHou.Tests.Support;
using Wolverine;
using Wolverine.Runtime;

namespace ShenHou.Tests.Integration;

/// <summary>
/// A host whose departments all have a platform (the <see cref="FakePlatform"/>), on a database of
/// its own in the same PostgreSQL: its pushes, retries and dead letters are Wolverine rows that the
/// shared test host must not pick up (it would recover a replayed dead letter as readily as this one).
/// Retries wait milliseconds and Wolverine polls PostgreSQL every 100 ms, so nothing waits on the wall clock.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public const string Database = "shenhou_integration";
    public const int Retries = 6;
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public TestClock Clock { get; } = new(AppFixture.Start);
    public IAlbaHost Host { get; private set; } = null!;
    internal FakePlatform Platform { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var shared = Environment.GetEnvironmentVariable("ConnectionStrings__shenhou");
        if (string.IsNullOrWhiteSpace(shared))
            throw new InvalidOperationException("Integration tests need PostgreSQL: run them with scripts/test.sh, which starts one.");
        ConnectionString = await CreateDatabase(shared);
        Platform = await FakePlatform.StartAsync(Clock, Tolerance);

        var settings = new List<(string, string)>
        {
            ("ConnectionStrings:shenhou", ConnectionString),
            ("Integration:DurabilityPollingTime", "00:00:00.100"),
            ("Integration:RequestTimeout", "00:00:05"),
        };
        settings.AddRange(Enumerable.Range(0, Retries).Select(i => ($"Integration:RetryDelays:{i}", "00:00:00.010")));
        foreach (var department in ServiceCatalog.LoadEmbedded().Data.Departments.Select(d => d.Code))
        {
            settings.Add(($"Integration:Departments:{department}:Url", Platform.UrlOf(department).ToString()));
            settings.Add(($"Integration:Departments:{department}:Key", FakePlatform.KeyOf(department)));
        }
        Host = await AppFixture.StartHost(Clock, [.. settings]);
    }

    /// <summary>An empty store, no Wolverine envelopes (dead letters included), an honest platform that is up.</summary>
    public async Task ResetAsync()
    {
        Clock.Now = AppFixture.Start;
        await Host.ResetAllMartenDataAsync();
        await Host.Services.GetRequiredService<IWolverineRuntime>().Storage.Admin.ClearAllAsync();
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        session.QueueSqlCommand("delete from shenhou.case_number_counters");
        await session.SaveChangesAsync();
        Platform.Reset();
    }

    private static async Task<string> CreateDatabase(string shared)
    {
        var builder = new NpgsqlConnectionStringBuilder(shared) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand($"select 1 from pg_database where datname = '{Database}'", connection);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"create database {Database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(shared) { Database = Database }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Platform.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "department platforms";
}

/// <summary>Base for tests on the platform host: every test starts from an empty database and an honest platform.</summary>
[Collection(PlatformCollection.Name)]
public abstract class PlatformTest(PlatformFixture fixture) : IAsyncLifetime
{
    protected PlatformFixture Fixture { get; } = fixture;
    protected IAlbaHost Host => Fixture.Host;
    internal FakePlatform Platform => Fixture.Platform;
    protected CaseApi Api => new(Host);

    public Task InitializeAsync() => Fixture.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;
}

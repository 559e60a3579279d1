using Marten;
using ShenHou.Api.Integration.Simulator;
using Wolverine;
using Wolverine.ErrorHandling;

namespace ShenHou.Api.Integration;

/// <summary>Department platforms: the outbound pushes, their queue and retries, the inbound receipts, the simulator.</summary>
public static class IntegrationSetup
{
    /// <summary>The durable local queue the pushes wait in (rows in PostgreSQL until a platform took them).</summary>
    public const string PushQueue = "department-pushes";

    public static IntegrationOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(IntegrationOptions.Section).Get<IntegrationOptions>() ?? new IntegrationOptions();
        if (options.Problem() is { } problem) throw new InvalidOperationException($"{IntegrationOptions.Section}: {problem}");
        return options;
    }

    public static IServiceCollection AddDepartmentIntegration(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Read(configuration);
        services.AddSingleton(options);
        services.AddSingleton<DepartmentPlatforms>();
        services.AddHttpClient(DepartmentPlatforms.HttpClientName, c => c.Timeout = options.RequestTimeout);
        // Every push and callback is one request: the handler and the simulator log what matters.
        services.AddLogging(b => b.AddFilter($"System.Net.Http.HttpClient.{DepartmentPlatforms.HttpClientName}", LogLevel.Warning)
            .AddFilter($"System.Net.Http.HttpClient.{DepartmentSimulator.CallbackClient}", LogLevel.Warning));
        services.ConfigureMarten((sp, opts) =>
        {
            // Pushes are written in the events' transaction (docs/adr/0006-department-pushes-in-the-event-transaction.md).
            opts.Listeners.Add(new DepartmentPushOutbox(sp.GetRequiredService<DepartmentPlatforms>()));
            opts.Schema.For<DepartmentResultReceipt>().Index(r => r.CaseId);
        });
        if (options.Simulator.Enabled) DepartmentSimulator.Add(services);
        return services;
    }

    public static void UseDepartmentIntegration(this WolverineOptions opts, IConfiguration configuration)
    {
        var options = Read(configuration);
        opts.PublishMessage<DepartmentPush>().ToLocalQueue(PushQueue);
        opts.LocalQueue(PushQueue).UseDurableInbox().MaximumParallelMessages(options.MaxParallelPushes);

        // Backoff in memory, then the dead letters (wolverine_dead_letters), which staff list and replay.
        var unavailable = opts.OnException<DepartmentUnavailableException>();
        if (options.Retries.Count > 0) unavailable.RetryWithCooldown([.. options.Retries]).Then.MoveToErrorQueue();
        else unavailable.MoveToErrorQueue();
        opts.OnException<DepartmentRefusedPushException>().MoveToErrorQueue();

        if (options.DurabilityPollingTime is { } polling)
        {
            opts.Durability.ScheduledJobPollingTime = polling;
            opts.Durability.ScheduledJobFirstExecution = polling;
        }
    }
}

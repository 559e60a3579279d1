using JasperFx;
using JasperFx.CodeGeneration;
using ShenHou.Api.Access;
using ShenHou.Api.DataSharing;
using ShenHou.Api.Infrastructure;
using ShenHou.Api.Integration;
using ShenHou.Api.Intake;
using ShenHou.Api.Work;
using ShenHou.Domain.Catalog;
using Wolverine;
using Wolverine.Http;
using Wolverine.Http.Marten;

var builder = WebApplication.CreateBuilder(args);

// First, so that its one-time work overlaps the start of everything else.
builder.Services.AddHostedService<WarmUp>();

builder.Services.AddSingleton(DataFiles.Catalog(builder.Configuration));
builder.Services.AddSingleton(new ServiceClock(TimeProvider.System));
builder.Services.AddSingleton(DataFiles.Calendar(builder.Configuration));
builder.Services.AddHostedService<DeadlineMonitorService>();
ShenHou.Api.Demo.DemoSeeding.Add(builder.Services);
builder.Services.AddShenHouJson();
builder.Services.AddShenHouProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddShenHouHealth();
builder.Services.AddShenHouAuth(builder.Configuration);
builder.Services.AddShenHouLimits(builder.Configuration);
builder.Services.AddShenHouOpenApi();
builder.AddShenHouPersistence();
builder.Services.AddDataSharing(builder.Configuration);
builder.Services.AddTransient<SharedDataVerifier>();
builder.Services.AddDepartmentIntegration(builder.Configuration);

builder.Host.UseWolverine(opts =>
{
    opts.Policies.AutoApplyTransactions();
    // Local messages (scheduled deadline checks among them) are kept in PostgreSQL until handled.
    opts.Policies.UseDurableLocalQueues();
    // Pushes to department platforms: their durable queue, retries and dead letters.
    opts.UseDepartmentIntegration(builder.Configuration);
    // Production loads the handlers pre-generated into Internal/Generated (scripts/codegen.sh; CI
    // fails when they are stale); elsewhere they are generated at start-up.
    opts.CodeGeneration.TypeLoadMode = builder.Environment.IsProduction() ? TypeLoadMode.Static : TypeLoadMode.Dynamic;
    opts.UseRuntimeCompilation();
    // Wolverine's tables, like Marten's, are created by `db-apply` in Production (see Persistence).
    if (!Persistence.ApplyChangesOnStartup(builder)) opts.AutoBuildMessageStorageOnStartup = JasperFx.AutoCreate.None;
});
builder.Services.AddWolverineHttp();

var app = builder.Build();

app.UseExceptionHandler();
app.UseShenHouBodyLimit();
app.UseSwagger();
app.UseSwaggerUI(o => o.SwaggerEndpoint("/swagger/v1/swagger.json", "ShenHou v1"));
// Who is calling decides the rate limit's partition, the idempotency keys' scope and the case's jurisdiction.
app.UseShenHouAuth();
app.UseMiddleware<RequestLog>();
app.UseRateLimiter();
app.UseShenHouIdempotency();
app.UseStatusCodePages();
app.MapShenHouHealth();
app.MapWolverineEndpoints(o =>
{
    o.MapMartenConcurrencyFailuresToConflict();
    // '?page=abc' is a 400, not page 0.
    o.RejectUnparseableQueryValues = true;
});

// A plain start serves at once: JasperFx's command line (db-apply, codegen, projections, ...) first
// searches every assembly for commands, a tenth of a second of a cold start.
if (args.Length == 0)
{
    await app.RunAsync();
    return 0;
}
return await app.RunJasperFxCommands(args);

/// <summary>The entry point; public so that tests can host it.</summary>
public partial class Program;

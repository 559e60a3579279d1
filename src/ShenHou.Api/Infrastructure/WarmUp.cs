using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using ShenHou.Api.Access;
using ShenHou.Api.Privacy;
using ShenHou.Projections.Cases;
using ShenHou.Projections.Work;

namespace ShenHou.Api.Infrastructure;

/// <summary>
/// The first read of a case paid about a quarter of a second for one-time work: Marten building the
/// storage of each document type, System.Text.Json building its contracts, the first connections
/// and the token handlers, the first request through routing (docs/benchmarks.md, cold start). That
/// work is done here on the other core while the rest of the host starts, so the first clerk does not
/// wait for it. Reads only; a failure is logged and ignored
/// (the requests then pay the cost themselves).
/// </summary>
internal sealed class WarmUp(IDocumentStore store, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    AuthOptions auth, TokenIssuer tokens, IOptionsMonitor<JwtBearerOptions> bearer,
    IHostApplicationLifetime lifetime, IServer server, ILogger<WarmUp> log) : IHostedService
{
    private Task _running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = Task.Run(() => Run(cancellationToken), CancellationToken.None);
        // Kestrel, routing (its matcher is built on the first request) and the middleware, once listening.
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(CallOwnHealth, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _running.WaitAsync(cancellationToken);

    private async Task Run(CancellationToken ct)
    {
        try
        {
            await using var session = store.QuerySession();
            await CaseScope.Load(session, Guid.Empty, ct);
            await session.LoadAsync<CaseDetails>(Guid.Empty, ct);
            await session.LoadAsync<PersonalDataAccess>(Guid.Empty, ct);
            await session.Query<CaseSummary>().Where(c => c.Id == Guid.Empty).ToListAsync(ct);
            await session.Query<DepartmentWorkItem>().Where(w => w.Id == "").ToListAsync(ct);
            // A real case, if there is one, reaches every nested type of the answer.
            var any = await session.Query<CaseDetails>().Take(1).ToListAsync(ct);
            JsonSerializer.Serialize(any.FirstOrDefault() ?? new CaseDetails(), json.Value.SerializerOptions);
            store.Options.Serializer().ToJson(new PersonalDataAccess());
            if (string.IsNullOrEmpty(auth.Authority))
            {
                // The token handlers' first use (metadata, cryptography) is most of a first request.
                var jwt = bearer.Get(JwtBearerDefaults.AuthenticationScheme);
                var token = tokens.For("warm-up", Roles.Window, null, auth.ProvinceCode);
                foreach (var handler in jwt.TokenHandlers) await handler.ValidateTokenAsync(token, jwt.TokenValidationParameters);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Warm-up failed; the first requests will do the one-time work themselves");
        }
    }

    private async Task CallOwnHealth()
    {
        try
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is null) return;
            // Bound to every interface (http://+:8080, http://[::]:8080): call it on loopback.
            var own = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
            if (own.Host is "[::]" or "0.0.0.0") own.Host = "localhost";
            using var http = new HttpClient { BaseAddress = own.Uri, Timeout = TimeSpan.FromSeconds(10) };
            using var _ = await http.GetAsync("/health/live");
        }
        catch (Exception e)
        {
            log.LogDebug(e, "Warm-up call of /health/live failed");
        }
    }
}

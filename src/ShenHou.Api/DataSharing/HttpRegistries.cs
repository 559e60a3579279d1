using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using ShenHou.Api.Infrastructure;

namespace ShenHou.Api.DataSharing;

// Singletons over named clients rather than typed clients: Wolverine's generated endpoints cannot
// build a typed client (that would be service location, which it refuses), but they take a singleton.

/// <summary>人口库 over HTTP: GET {base}/people/{idNumber}.</summary>
public sealed class HttpPopulationRegistry(IHttpClientFactory clients, ILogger<HttpPopulationRegistry> log)
    : IPopulationRegistry
{
    public Task<PersonRecord?> FindAsync(string idNumber, CancellationToken ct) =>
        RegistryHttp.GetAsync<PersonRecord>(clients, log, RegistryNames.Population, "people", idNumber,
            r => r.IdNumber, r => string.IsNullOrWhiteSpace(r.Name) ? "name is blank" : null, ct);
}

/// <summary>The death registry over HTTP: GET {base}/death-certificates/{idNumber}.</summary>
public sealed class HttpDeathRegistry(IHttpClientFactory clients, ILogger<HttpDeathRegistry> log) : IDeathRegistry
{
    public Task<DeathCertificateRecord?> FindAsync(string deceasedIdNumber, CancellationToken ct) =>
        RegistryHttp.GetAsync<DeathCertificateRecord>(clients, log, RegistryNames.Death, "death-certificates",
            deceasedIdNumber, r => r.IdNumber,
            r => string.IsNullOrWhiteSpace(r.CertificateNumber) ? "certificate number is blank" : null, ct);
}

/// <summary>Social security over HTTP: GET {base}/social-security/{idNumber}.</summary>
public sealed class HttpSocialSecurityRegistry(IHttpClientFactory clients, ILogger<HttpSocialSecurityRegistry> log)
    : ISocialSecurityRegistry
{
    public Task<SocialSecurityRecord?> FindAsync(string idNumber, CancellationToken ct) =>
        RegistryHttp.GetAsync<SocialSecurityRecord>(clients, log, RegistryNames.SocialSecurity, "social-security",
            idNumber, r => r.IdNumber, Problem, ct);

    // We must never hold a full card number, so an unmasked one is a broken answer, not data.
    private static string? Problem(SocialSecurityRecord r) => r switch
    {
        { CardNumberMasked: { } n } when !n.Contains('*') => "card number is not masked",
        { CardActive: true, CardIssued: false } => "card active but not issued",
        _ => null,
    };
}

/// <summary>The one way the HTTP adapters call a registry and read its answer.</summary>
internal static class RegistryHttp
{
    // The records are the schema: every member present, non-nullable ones not null.
    private static readonly JsonSerializerOptions JsonOptions = new(Json.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The named HttpClient (base URL, timeouts, resilience pipeline) of a registry.</summary>
    public static string ClientName(string registry) => $"DataSharing.{registry}";

    public static async Task<T?> GetAsync<T>(IHttpClientFactory clients, ILogger log, string registry, string resource,
        string idNumber, Func<T, string> idOf, Func<T, string?> problemOf, CancellationToken ct) where T : class
    {
        // Cheap: the factory pools the handlers; the pipeline (and its circuit) is per name.
        var http = clients.CreateClient(ClientName(registry));
        try
        {
            // The default ResponseContentRead buffers the body inside HttpClient.Timeout, so a server
            // that stalls mid-body is bounded too.
            using var response = await http.GetAsync($"{resource}/{Uri.EscapeDataString(idNumber)}", ct);
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            if (response.StatusCode != HttpStatusCode.OK) throw Unavailable($"HTTP {(int)response.StatusCode}");

            var record = await ReadAsync<T>(response, ct) ?? throw Unavailable("empty answer (null)");
            if (!string.Equals(idOf(record), idNumber, StringComparison.OrdinalIgnoreCase))
                throw Unavailable("the answer is about another ID number");
            return problemOf(record) is { } problem ? throw Unavailable($"invalid answer: {problem}") : record;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw; // the caller gave up: not the registry's fault
        }
        catch (Exception e) when (Reason(e) is { } reason)
        {
            throw Unavailable(reason, e);
        }

        RegistryUnavailableException Unavailable(string reason, Exception? inner = null)
        {
            log.LogWarning(inner, "{Registry} unavailable: {Reason}", registry, reason);
            return new RegistryUnavailableException(registry, reason, inner);
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(JsonOptions, ct);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new RegistryAnswerException("unreadable JSON", e);
        }
    }

    private static string? Reason(Exception e) => e switch
    {
        RegistryUnavailableException => null, // already carries its reason
        RegistryAnswerException a => a.Message,
        TimeoutRejectedException => "timed out",
        BrokenCircuitException => "circuit open after repeated failures",
        ExecutionRejectedException => "rejected: too many concurrent requests",
        HttpRequestException h => $"connection failed ({h.HttpRequestError})",
        OperationCanceledException => "timed out", // HttpClient.Timeout, our backstop
        _ => null,
    };

    private sealed class RegistryAnswerException(string message, Exception inner) : Exception(message, inner);
}

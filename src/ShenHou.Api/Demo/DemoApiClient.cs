using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using ShenHou.Api.Access;
using ShenHou.Api.Infrastructure;
using ShenHou.Projections.Cases;

namespace ShenHou.Api.Demo;

/// <summary>
/// The case endpoints as a staff UI calls them over HTTP, with the service's JSON rules; any
/// unexpected status becomes a <see cref="DemoFilingException"/> carrying the problem text. Each
/// actor sends a token of its own role, so the demo passes the same checks as real staff.
/// </summary>
internal sealed class DemoApiClient(HttpClient http, TokenIssuer tokens)
{
    private readonly ConcurrentDictionary<DemoActor, string> _tokens = new();

    /// <summary>Reads cases with the province's scope, as a supervisor: masked, and not an access-log entry.</summary>
    private DemoActor Reader => new("demo-seeder", Roles.Supervisor, null, tokens.ProvinceCode);

    public async Task<T> Post<T>(string url, object body, DemoActor actor, HttpStatusCode expected, CancellationToken ct)
    {
        using var response = await Send(HttpMethod.Post, url, body, actor, expected, ct);
        return await Read<T>(response, url, ct);
    }

    public async Task Post(string url, object body, DemoActor actor, CancellationToken ct)
    {
        using var response = await Send(HttpMethod.Post, url, body, actor, HttpStatusCode.OK, ct);
    }

    public async Task<CaseDetails> Case(Guid id, CancellationToken ct)
    {
        var url = $"api/cases/{id}";
        using var response = await Send(HttpMethod.Get, url, null, Reader, HttpStatusCode.OK, ct);
        return await Read<CaseDetails>(response, url, ct);
    }

    private async Task<HttpResponseMessage> Send(
        HttpMethod method, string url, object? body, DemoActor actor, HttpStatusCode expected, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url);
        var token = _tokens.GetOrAdd(actor, a => tokens.For(a.UserId, a.Role, a.Department, a.RegionCode));
        request.Headers.Authorization = new("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json.Options);
        var response = await http.SendAsync(request, ct);
        if (response.StatusCode == expected) return response;
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new DemoFilingException(
                $"{method} /{url} as {actor.UserId} ({actor.Role}) answered {(int)response.StatusCode} {response.StatusCode}, expected {(int)expected}: " +
                (text.Length > 800 ? text[..800] + "…" : text));
        }
    }

    private static async Task<T> Read<T>(HttpResponseMessage response, string url, CancellationToken ct) =>
        await response.Content.ReadFromJsonAsync<T>(Json.Options, ct)
        ?? throw new DemoFilingException($"/{url} answered an empty body");
}

/// <summary>Who a demo step acts as.</summary>
internal sealed record DemoActor(string UserId, string Role, string? Department, string RegionCode);

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ShenHou.Benchmarks.Infrastructure;

namespace ShenHou.Benchmarks.Http;

/// <summary>Who sends a request: a window clerk, or a reviewer of one department.</summary>
public sealed record Actor(string UserId, string Role, string? Department = null)
{
    public static readonly Actor Window = new("bench-window-01", "Window");
    public static Actor Reviewer(string department) => new($"bench-{department.ToLowerInvariant()}-01", "DepartmentReviewer", department);
}

/// <summary>
/// The service's HTTP API as staff clients call it: one bearer token per (role, department), fetched
/// once from <c>POST /api/dev/tokens</c> (province-wide scope, 620000). Every request's latency is
/// logged under its kind.
/// </summary>
public sealed class ApiClient(HttpClient http, LatencyLog latencies)
{
    private readonly ConcurrentDictionary<Actor, Lazy<Task<string>>> _tokens = new();

    public LatencyLog Latencies => latencies;

    public async Task<T> Send<T>(HttpMethod method, string url, object? body, Actor actor, string kind,
        HttpStatusCode expected = HttpStatusCode.OK, CancellationToken ct = default)
    {
        var token = await _tokens.GetOrAdd(actor, a => new Lazy<Task<string>>(() => FetchToken(a))).Value;
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: BenchJson.Options);

        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, ct);
        var answer = response.StatusCode == expected
            ? await response.Content.ReadFromJsonAsync<T>(BenchJson.Options, ct)
            : throw await Unexpected(response, $"{method} /{url}", expected, ct);
        latencies.Add(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return answer ?? throw new InvalidOperationException($"{method} /{url} answered an empty body");
    }

    public Task<T> Get<T>(string url, Actor actor, string kind, CancellationToken ct = default) =>
        Send<T>(HttpMethod.Get, url, null, actor, kind, HttpStatusCode.OK, ct);

    public Task<T> Post<T>(string url, object body, Actor actor, string kind, CancellationToken ct = default) =>
        Send<T>(HttpMethod.Post, url, body, actor, kind, HttpStatusCode.OK, ct);

    private async Task<string> FetchToken(Actor actor)
    {
        using var response = await http.PostAsJsonAsync("api/dev/tokens",
            new { userId = actor.UserId, role = actor.Role, department = actor.Department, regionCode = "620000" }, BenchJson.Options);
        if (!response.IsSuccessStatusCode) throw await Unexpected(response, "POST /api/dev/tokens", HttpStatusCode.OK, default);
        return (await response.Content.ReadFromJsonAsync<TokenAnswer>(BenchJson.Options))!.Token;
    }

    private static async Task<Exception> Unexpected(HttpResponseMessage response, string what, HttpStatusCode expected, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        return new InvalidOperationException(
            $"{what} answered {(int)response.StatusCode}, expected {(int)expected}: {(text.Length > 600 ? text[..600] + "…" : text)}");
    }

    private sealed record TokenAnswer(string Token);
}

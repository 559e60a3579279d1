using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ShenHou.Fault;

/// <summary>A command the service acknowledged (2xx): its trace id is the correlation id of the events it wrote.</summary>
public sealed record Ack(string Trace, Guid CaseId, long Version, string Command);

/// <summary>What happened to one command.</summary>
public enum Outcome { Acknowledged, Unknown, Refused }

/// <summary>Counters the run prints.</summary>
public sealed class Stats
{
    public long Requests, Retries, Acknowledged, Replayed, Unknown, Refused, LifecyclesStarted, LifecyclesCompleted;
}

/// <summary>
/// Sends each command like a careful client: an <c>Idempotency-Key</c> and a W3C <c>traceparent</c>
/// of its own, and the same request again (same key, same trace) while the service or its database
/// is down. A 2xx is an acknowledgement, recorded in the journal; a key still "in progress" means the
/// first try died between its commit and its answer: the outcome is unknown and the lifecycle stops.
/// </summary>
public sealed class FaultClient(HttpClient http, Stats stats, TimeSpan retryFor)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly ConcurrentQueue<Ack> _acks = new();
    private int _refusalsShown;

    public IReadOnlyCollection<Ack> Acks => _acks;

    public async Task<(Outcome Outcome, Guid CaseId)> Command(string command, string url, object body, string token)
    {
        var key = Guid.NewGuid().ToString("N");
        var trace = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var giveUp = DateTimeOffset.UtcNow + retryFor;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json) };
            request.Headers.Authorization = new("Bearer", token);
            request.Headers.Add("Idempotency-Key", key);
            request.Headers.Add("traceparent", $"00-{trace}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01");
            Interlocked.Increment(ref stats.Requests);
            try
            {
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    var answer = JsonNode.Parse(text)!;
                    var id = answer["id"]!.GetValue<Guid>();
                    _acks.Enqueue(new Ack(trace, id, answer["version"]!.GetValue<long>(), command));
                    Interlocked.Increment(ref stats.Acknowledged);
                    if (response.Headers.Contains("Idempotent-Replayed")) Interlocked.Increment(ref stats.Replayed);
                    return (Outcome.Acknowledged, id);
                }
                if (!Transient(response.StatusCode))
                {
                    var inProgress = text.Contains("idempotency-key-in-progress", StringComparison.Ordinal);
                    if (inProgress) Interlocked.Increment(ref stats.Unknown);
                    else Interlocked.Increment(ref stats.Refused);
                    if (!inProgress && Interlocked.Increment(ref _refusalsShown) <= 5)
                        Console.Error.WriteLine($"fault: {command} answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");
                    return (inProgress ? Outcome.Unknown : Outcome.Refused, Guid.Empty);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // No answer: the service is down or restarting. Send the same request again.
            }
            if (DateTimeOffset.UtcNow > giveUp)
            {
                Interlocked.Increment(ref stats.Unknown);
                return (Outcome.Unknown, Guid.Empty);
            }
            Interlocked.Increment(ref stats.Retries);
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>A read, retried while the service is down; null when it never answered.</summary>
    public async Task<JsonNode?> Get(string url, string token)
    {
        var giveUp = DateTimeOffset.UtcNow + retryFor;
        while (DateTimeOffset.UtcNow < giveUp)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Authorization = new("Bearer", token);
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode) return JsonNode.Parse(await response.Content.ReadAsStringAsync());
                if (!Transient(response.StatusCode)) return null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        return null;
    }

    private static bool Transient(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;
}

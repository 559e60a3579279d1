using System.Net.Http.Headers;
using System.Text.Json;
using ShenHou.Api.Infrastructure;

namespace ShenHou.Api.Integration;

/// <summary>The platform cannot take the push now (5xx, 408, 429, no connection, timeout): retried with backoff, then dead-lettered.</summary>
public sealed class DepartmentUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The platform refused the push (another 4xx) or it has nowhere to go: retrying will not help, so it is dead-lettered at once.</summary>
public sealed class DepartmentRefusedPushException(string message) : Exception(message);

/// <summary>
/// Sends a <see cref="DepartmentPush"/> from the durable local queue to the department's platform as a
/// signed HTTP POST. A 2xx is the platform's acknowledgement; anything else throws, and Wolverine's
/// error policies (IntegrationSetup) retry or dead-letter the message. Delivery is at least once:
/// a crash after the platform answered but before the envelope is marked handled sends it again,
/// with the same <c>X-ShenHou-Push-Id</c>, which the platform uses to drop the repeat.
/// </summary>
public static class SendDepartmentPushHandler
{
    public const string PushIdHeader = "X-ShenHou-Push-Id";

    public static async Task Handle(DepartmentPush push, DepartmentPlatforms platforms, IHttpClientFactory clients,
        ServiceClock clock, CancellationToken ct)
    {
        var key = platforms.Key(push.Department)
            ?? throw new DepartmentRefusedPushException($"department {push.Department} has no platform connected");
        var url = platforms.Url(push.Department)
            ?? throw new DepartmentUnavailableException($"the simulator for {push.Department} is not listening yet");

        var body = JsonSerializer.SerializeToUtf8Bytes(push, Json.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(PushIdHeader, push.PushId.ToString());
        DepartmentSignature.Apply(request, key, clock.GetUtcNow(), body);

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(DepartmentPlatforms.HttpClientName).SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new DepartmentUnavailableException($"{push.Department} platform at {url.Authority} did not answer: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new DepartmentUnavailableException($"{push.Department} platform at {url.Authority} timed out", e);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return;
            var what = $"{push.Department} platform answered {status} to push {push.PushId} ({push.CaseNumber} {push.ItemCode})";
            if (status is >= 500 or 408 or 429) throw new DepartmentUnavailableException(what);
            throw new DepartmentRefusedPushException(what);
        }
    }
}

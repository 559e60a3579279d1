using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ShenHou.Benchmarks.Infrastructure;

namespace ShenHou.Benchmarks.Startup;

/// <summary>Cold starts in one mode: the median and every run, process start to the first 200 of a real API GET.</summary>
public sealed record ColdStartResult(string Mode, double MedianSeconds, IReadOnlyList<double> RunsSeconds);

/// <summary>
/// Cold start: from starting <c>dotnet ShenHou.Api.dll</c> to the first 200 of <c>GET /api/cases/{id}</c>
/// (a case read from PostgreSQL through Marten and a Wolverine endpoint), polled every 5 ms.
/// Production loads the pre-generated handlers (TypeLoadMode.Static); Development generates and
/// compiles them at start-up. The token is fetched from the new process first.
/// </summary>
public static class ColdStart
{
    public static async Task<ColdStartResult> Measure(string mode, string apiDll, string connectionString, string logDir,
        Guid caseId, int runs)
    {
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using var service = ServiceProcess.Start(apiDll, connectionString, logDir, mode);
            using var http = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(30) };
            string? token = null;
            var elapsed = await service.WaitUntil(async () =>
            {
                if (token is null)
                {
                    using var answer = await http.PostAsJsonAsync("api/dev/tokens",
                        new { userId = "bench-window-01", role = "Window", regionCode = "620000" }, BenchJson.Options);
                    if (answer.StatusCode != HttpStatusCode.OK) return false; // starting up
                    token = (await answer.Content.ReadFromJsonAsync<TokenAnswer>(BenchJson.Options))!.Token;
                }
                using var request = new HttpRequestMessage(HttpMethod.Get, $"api/cases/{caseId}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request);
                return response.StatusCode == HttpStatusCode.OK;
            }, TimeSpan.FromSeconds(120));
            times.Add(Math.Round(elapsed.TotalSeconds, 3));
        }
        return new ColdStartResult(mode, times.Order().ElementAt(times.Count / 2), times);
    }

    private sealed record TokenAnswer(string Token);
}

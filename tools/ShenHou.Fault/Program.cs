using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using ShenHou.Fault;

// The clients and checks of scripts/fault.sh (which kills the service and its database meanwhile):
//   run     --api URL --db CS --seconds N --clients N --platform-port P --out DIR
//   check   --db CS --out DIR        invariants of the store; saves the read models
//   compare --db CS --out DIR        the read models against the saved ones (after a rebuild)
var options = args.Skip(1).Chunk(2).ToDictionary(p => p[0].TrimStart('-'), p => p.Length > 1 ? p[1] : "");
string Option(string name) => options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");
await using var db = NpgsqlDataSource.Create(Option("db"));
var outDir = Option("out");

switch (args.FirstOrDefault())
{
    case "run":
        return await Run();
    case "check":
    {
        var acks = File.ReadLines(Path.Combine(outDir, "acks.jsonl")).Select(l => JsonSerializer.Deserialize<Ack>(l)!).ToList();
        var deliveries = JsonSerializer.Deserialize<Dictionary<Guid, int>>(await File.ReadAllTextAsync(Path.Combine(outDir, "deliveries.json")))!;
        var invariants = new Invariants(db);
        Console.WriteLine($"fault: {await invariants.Check(acks, deliveries)}");
        await Projections.Save(db, Path.Combine(outDir, "projections.json"));
        return Report(invariants.Violations);
    }
    case "compare":
    {
        var (differences, summary) = await Projections.Compare(db, Path.Combine(outDir, "projections.json"));
        Console.WriteLine($"fault: read models {summary}");
        return Report(differences);
    }
    default:
        Console.Error.WriteLine("usage: ShenHou.Fault run|check|compare --db CS --out DIR [...]");
        return 2;
}

static int Report(List<string> violations)
{
    foreach (var v in violations.Take(20)) Console.WriteLine($"fault: VIOLATION {v}");
    if (violations.Count > 20) Console.WriteLine($"fault: ... {violations.Count - 20} more violations");
    return violations.Count == 0 ? 0 : 1;
}

async Task<int> Run()
{
    var seconds = int.Parse(Option("seconds"));
    var stats = new Stats();
    using var platform = new FaultPlatform(int.Parse(Option("platform-port")));
    using var http = new HttpClient { BaseAddress = new Uri(Option("api")), Timeout = TimeSpan.FromSeconds(20) };
    var client = new FaultClient(http, stats, retryFor: TimeSpan.FromSeconds(90));
    var tokens = await Tokens(http);

    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
    await Task.WhenAll(Enumerable.Range(0, int.Parse(Option("clients"))).Select(n => Task.Run(async () =>
    {
        var lifecycle = new Lifecycle(client, tokens, new Random(n));
        while (!stop.IsCancellationRequested)
        {
            Interlocked.Increment(ref stats.LifecyclesStarted);
            if (await lifecycle.Run(stop.Token)) Interlocked.Increment(ref stats.LifecyclesCompleted);
        }
    })));
    Console.WriteLine($"fault: clients: {stats.LifecyclesStarted} lifecycles started, {stats.LifecyclesCompleted} completed; " +
                      $"{stats.Requests} requests, {stats.Acknowledged} acknowledged ({stats.Replayed} replayed by Idempotency-Key), " +
                      $"{stats.Retries} resent while the service or database was down, {stats.Unknown} with an unknown outcome, {stats.Refused} refused");
    await File.WriteAllLinesAsync(Path.Combine(outDir, "acks.jsonl"), client.Acks.Select(a => JsonSerializer.Serialize(a)));

    // Let the outbox drain (a killed node's pushes are recovered once Wolverine sees it is gone) and the window view catch up.
    var waiting = System.Diagnostics.Stopwatch.StartNew();
    // A push whose retries ran out while the platform or the database was down is a dead letter by
    // design: a supervisor replays it, as staff would, and it must then arrive.
    var replayed = 0;
    var drained = await Until(TimeSpan.FromSeconds(150), async () =>
    {
        var transfers = await Ids(db, "select id from shenhou.mt_events where type = 'item_transferred'");
        if (transfers.All(platform.Deliveries.ContainsKey)) return true;
        replayed += await ReplayDeadLetters(http, tokens.Supervisor);
        return false;
    });
    var drainSeconds = (int)waiting.Elapsed.TotalSeconds;
    var caughtUp = await Until(TimeSpan.FromSeconds(120), async () =>
        await Long(db, "select coalesce((select last_seq_id from shenhou.mt_event_progression where name like 'CaseSummary%' limit 1), 0)")
        >= await Long(db, "select coalesce(max(seq_id), 0) from shenhou.mt_events"));
    Console.WriteLine($"fault: platform: {platform.Deliveries.Count} pushes taken, {platform.Refused} answered 503 on purpose, " +
                      $"{platform.Forged} with a bad signature; {replayed} dead letters replayed; outbox drained: {drained} ({drainSeconds} s after the clients stopped); " +
                      $"window view caught up: {caughtUp}");
    await File.WriteAllTextAsync(Path.Combine(outDir, "deliveries.json"), JsonSerializer.Serialize(platform.Deliveries));
    return caughtUp && platform.Forged == 0 ? 0 : 1;
}

static async Task<Tokens> Tokens(HttpClient http)
{
    async Task<string> Token(string user, string role, string? department, string? region = null)
    {
        string? token = null;
        await Until(TimeSpan.FromSeconds(60), async () =>
        {
            using var response = await http.PostAsJsonAsync("api/dev/tokens",
                new { userId = user, role, department, regionCode = region ?? (department is null ? "620100" : "620000") });
            if (!response.IsSuccessStatusCode) return false;
            token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
            return true;
        });
        return token ?? throw new InvalidOperationException("no development token: is Auth__DevTokens true?");
    }
    string[] departments = ["HEALTH", "CIVIL_AFFAIRS", "PUBLIC_SECURITY", "HRSS", "MEDICAL_SECURITY", "JUSTICE", "HOUSING", "FINANCIAL_REGULATION"];
    var reviewers = new Dictionary<string, string>();
    foreach (var d in departments) reviewers[d] = await Token($"fault-{d.ToLowerInvariant()}", "DepartmentReviewer", d);
    return new Tokens(await Token("fault-window", "Window", null), reviewers, await Token("fault-supervisor", "Supervisor", null, "620000"));
}

static async Task<int> ReplayDeadLetters(HttpClient http, string supervisorToken)
{
    using var list = new HttpRequestMessage(HttpMethod.Get, "api/integration/dead-letters?pageSize=100");
    list.Headers.Authorization = new("Bearer", supervisorToken);
    using var answer = await http.SendAsync(list);
    if (!answer.IsSuccessStatusCode) return 0;
    var replayed = 0;
    foreach (var item in (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray())
    {
        using var replay = new HttpRequestMessage(HttpMethod.Post, $"api/integration/dead-letters/{item.GetProperty("id").GetGuid()}/replay")
        {
            Content = JsonContent.Create(new { }),
        };
        replay.Headers.Authorization = new("Bearer", supervisorToken);
        using var done = await http.SendAsync(replay);
        if (done.IsSuccessStatusCode) replayed++;
    }
    return replayed;
}

static async Task<bool> Until(TimeSpan limit, Func<Task<bool>> condition)
{
    var giveUp = DateTimeOffset.UtcNow + limit;
    while (DateTimeOffset.UtcNow < giveUp)
    {
        try
        {
            if (await condition()) return true;
        }
        catch (Exception e) when (e is HttpRequestException or NpgsqlException or TaskCanceledException)
        {
        }
        await Task.Delay(500);
    }
    return false;
}

static async Task<long> Long(NpgsqlDataSource db, string sql)
{
    await using var command = db.CreateCommand(sql);
    return Convert.ToInt64(await command.ExecuteScalarAsync());
}

static async Task<List<Guid>> Ids(NpgsqlDataSource db, string sql)
{
    var ids = new List<Guid>();
    await using var command = db.CreateCommand(sql);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
    return ids;
}

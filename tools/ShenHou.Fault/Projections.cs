using System.Text.Json;
using Npgsql;

namespace ShenHou.Fault;

/// <summary>
/// The read models as stored (jsonb, so key order does not matter), to compare with what
/// <c>projections rebuild</c> makes of the same events.
/// </summary>
public static class Projections
{
    public static readonly string[] Tables = ["mt_doc_casedetails", "mt_doc_departmentworkitem", "mt_doc_casesummary"];

    public static async Task<Dictionary<string, Dictionary<string, string>>> Read(NpgsqlDataSource db)
    {
        var snapshot = new Dictionary<string, Dictionary<string, string>>();
        foreach (var table in Tables)
        {
            var rows = snapshot[table] = new Dictionary<string, string>();
            await using var command = db.CreateCommand($"select id::text, data::text from shenhou.{table}");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows[reader.GetString(0)] = reader.GetString(1);
        }
        return snapshot;
    }

    public static async Task Save(NpgsqlDataSource db, string path) =>
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(await Read(db)));

    /// <summary>The differences between the saved snapshot and the tables now, one line each (empty: equal).</summary>
    public static async Task<(List<string> Differences, string Summary)> Compare(NpgsqlDataSource db, string path)
    {
        var before = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(await File.ReadAllTextAsync(path))!;
        var after = await Read(db);
        var differences = new List<string>();
        var counts = new List<string>();
        foreach (var table in Tables)
        {
            var (was, now) = (before[table], after[table]);
            var changed = was.Keys.Union(now.Keys)
                .Where(id => !was.TryGetValue(id, out var a) || !now.TryGetValue(id, out var b) || a != b).ToList();
            differences.AddRange(changed.Take(3).Select(id =>
                $"{table} {id}: before {Cut(was.GetValueOrDefault(id))}; rebuilt {Cut(now.GetValueOrDefault(id))}"));
            if (changed.Count > 3) differences.Add($"{table}: {changed.Count - 3} more documents differ");
            counts.Add($"{table[7..]} {was.Count} stored, {now.Count} rebuilt, {changed.Count} differ");
        }
        return (differences, string.Join("; ", counts));
    }

    private static string Cut(string? json) => json is null ? "(none)" : json.Length > 300 ? json[..300] + "…" : json;
}

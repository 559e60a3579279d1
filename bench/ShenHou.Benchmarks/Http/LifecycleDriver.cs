using System.Net;
using ShenHou.Benchmarks.Cases;

namespace ShenHou.Benchmarks.Http;

/// <summary>
/// One whole case through the HTTP API, as the window and the departments work it: submit, read the
/// case, verify what was handed in, accept, then decide and issue each item the departments have
/// (the waiting order releases the rest), and deliver. Returns the case's final version: its events.
/// </summary>
public sealed class LifecycleDriver(ApiClient api)
{
    public async Task<long> File(CaseForm form, CancellationToken ct = default)
    {
        var created = await api.Send<Created>(HttpMethod.Post, "api/cases", form.ToRequest(), Actor.Window, "submit",
            HttpStatusCode.Created, ct);
        var path = $"api/cases/{created.Id}";

        var details = await api.Get<CaseView>(path, Actor.Window, "get case", ct);
        foreach (var m in details.Materials.Where(m => m.HandIn && m.Status != "Verified"))
            await api.Post<Versioned>($"{path}/materials/{m.Code}/verification", new { passed = true }, Actor.Window, "verify", ct);
        await api.Post<Versioned>($"{path}/acceptance", new { }, Actor.Window, "accept", ct);

        for (var round = 0; round < 20; round++)
        {
            details = await api.Get<CaseView>(path, Actor.Window, "get case", ct);
            if (details.Status != "Accepted") break;
            foreach (var item in details.Items.Where(i => i.Status is "Transferred" or "Approved"))
            {
                var reviewer = Actor.Reviewer(item.Department);
                if (item.Status == "Transferred")
                    await api.Post<Versioned>($"{path}/items/{item.Code}/decision", new { approved = true }, reviewer, "decide", ct);
                await api.Post<Versioned>($"{path}/items/{item.Code}/issuance", new { reference = $"REF-{item.Code}" }, reviewer, "issue", ct);
            }
        }
        if (details.Status != "ReadyForDelivery")
            throw new InvalidOperationException($"case {created.Id} is {details.Status} after the departments' work");
        var delivered = await api.Post<Versioned>($"{path}/delivery", new { method = "Window" }, Actor.Window, "deliver", ct);
        return delivered.Version;
    }

    private sealed record Created(Guid Id, string CaseNumber, long Version);
    private sealed record Versioned(Guid Id, long Version);
    private sealed record ItemView(string Code, string Department, string Status);
    private sealed record MaterialView(string Code, bool HandIn, string Status);
    private sealed record CaseView(Guid Id, long Version, string Status, List<ItemView> Items, List<MaterialView> Materials);
}

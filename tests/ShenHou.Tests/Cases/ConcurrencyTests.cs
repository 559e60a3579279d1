using ShenHou.Domain.Cases;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Cases;

/// <summary>Departments work one case in parallel: without a version, nobody's work is lost.</summary>
public sealed class ConcurrencyTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task parallel_decisions_and_issuances_on_every_transferred_item_all_land()
    {
        var created = await Api.Submit(Forms.For(Forms.AllItems));
        await Api.VerifyAll(created.Id);
        await Api.Accept(created.Id);
        // Most items wait for the death certificate; issuing it releases them all at once.
        await Api.Decide(created.Id, "DEATH_CERT");
        await Api.Issue(created.Id, "DEATH_CERT");
        var accepted = await Api.Get(created.Id);
        var transferred = accepted.Items.Where(i => i.Status == ItemStatus.Transferred).Select(i => i.Code).ToArray();
        Assert.True(transferred.Length >= 10);

        await Task.WhenAll(transferred.Select(code => Api.Decide(created.Id, code)));
        await Task.WhenAll(transferred.Select(code => Api.Issue(created.Id, code)));

        var details = await Api.Get(created.Id);
        Assert.All(details.Items.Where(i => transferred.Contains(i.Code)), i => Assert.Equal(ItemStatus.Issued, i.Status));
        var history = await Api.History(created.Id);
        // Every decision and issuance is there once, and the version counts every event.
        Assert.Equal(transferred.Length + 1, history.Events.Count(e => e.Type == "ItemApproved"));
        Assert.Equal(transferred.Length + 1, history.Events.Count(e => e.Type == "ItemIssued"));
        Assert.Equal(history.Events.Count, details.Version);
        Assert.Equal(Enumerable.Range(1, history.Events.Count).Select(v => (long)v), history.Events.Select(e => e.Version));
        // Items released by an issuance (INHERITANCE_NOTARIZATION's dependants here) were transferred exactly once.
        var released = history.Events.Where(e => e.Type == "ItemTransferred").GroupBy(e => e.Data.GetProperty("itemCode").GetString());
        Assert.All(released, g => Assert.Single(g));
    }

    [Fact]
    public async Task concurrent_submissions_get_distinct_case_numbers()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Api.Submit(Forms.For("DEATH_CERT"))));
        var numbers = created.Select(c => c.CaseNumber).ToArray();
        Assert.Equal(20, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"620100-20261203-{n:D5}"), numbers.Order());
    }
}

using ShenHou.Domain.Cases;
using static ShenHou.Tests.Domain.Given;

namespace ShenHou.Tests.Domain;

/// <summary>
/// A whole case driven through the decisions alone: every command's events are folded back before the
/// next command, and every event carries the case, the actor and the time of the command that caused it.
/// </summary>
public sealed class WholeCaseTests
{
    private readonly List<object> _history = [];
    private int _step;

    private Stamp NextStamp() =>
        new($"staff-{++_step:D3}", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)).AddMinutes(37 * _step));

    private Case Current => Fold(_history);

    private IReadOnlyList<object> Do(Func<Case, Stamp, IEnumerable<object>> command)
    {
        var stamp = NextStamp();
        var events = command(_history.Count == 0 ? null! : Current, stamp).ToArray(); // nothing to fold before the submission
        Assert.NotEmpty(events);
        Then.CarriesStamp(events, CaseId, stamp);
        _history.AddRange(events);
        return events;
    }

    /// <summary>材料自动核验 at submission: the registry, not staff, is the actor of these events.</summary>
    private void ShareWithRegistries(bool vouched)
    {
        var submitted = Assert.IsType<CaseSubmitted>(_history[0]);
        var shared = submitted.Materials.Where(m => m.Source == MaterialSource.SharedData).ToArray();
        Assert.NotEmpty(shared);
        var events = CaseDecisions.VerifyThroughSharing(submitted,
            shared.ToDictionary(m => m.Code, _ => new SharingOutcome(vouched, "registry answer")), submitted.At);
        Assert.Equal(shared.Length, events.Count);
        Assert.All(events.Cast<ICaseEvent>(), e => Assert.Equal(CaseId, e.CaseId));
        _history.AddRange(events);
    }

    [Fact]
    public void Every_item_of_the_catalog_runs_to_delivery_in_the_waiting_order()
    {
        var all = EmbeddedCatalog.Items.Select(i => i.Code).ToArray();
        Do((_, s) => [CaseDecisions.Submit(EmbeddedCatalog, CaseId, "GS620100202612010002", "620100", Channel.Assisted, all,
            TheApplicant, TheDeceased, Payout, Heir, s)]);
        ShareWithRegistries(vouched: true);
        foreach (var material in Current.Materials.Where(m => m.Value.HandIn).Select(m => m.Key).ToArray())
            Do((c, s) => [CaseDecisions.VerifyMaterial(c, material, true, null, s)]);
        Do((c, s) => CaseDecisions.Accept(c, s, TheCalendar));

        var issuedOrder = new List<string>();
        while (Current.Status == CaseStatus.Accepted)
        {
            var next = Current.Items.First(i => i.Value.Status == ItemStatus.Transferred).Key;
            Assert.All(Current.Items[next].WaitingFor, w => Assert.Contains(w, issuedOrder));
            Do((c, s) => CaseDecisions.Decide(c, next, true, null, s));
            Do((c, s) => CaseDecisions.Issue(c, next, $"REF-{next}", s, TheCalendar));
            issuedOrder.Add(next);
        }

        Assert.Equal(CaseStatus.ReadyForDelivery, Current.Status);
        Assert.Equal(all.Order(), issuedOrder.Order());
        Assert.All(Current.Items.Values, i => Assert.Equal(ItemStatus.Issued, i.Status));
        Assert.IsType<CaseReadyForDelivery>(_history[^1]);
        Assert.Single(_history.OfType<CaseReadyForDelivery>());
        Assert.Equal(all.Length, _history.OfType<ItemTransferred>().Count()); // each item transferred exactly once
        Assert.Equal(all.Order(), _history.OfType<ItemTransferred>().Select(t => t.ItemCode).Order());
        Assert.All(_history.OfType<ItemTransferred>(), t => // each clock started at its own transfer
            Assert.Equal(TheCalendar.DueAfter(t.At, EmbeddedCatalog.Item(t.ItemCode).TimeLimitWorkingDays).DueAt, t.DueAt));

        Do((c, s) => [CaseDecisions.Deliver(c, DeliveryMethod.Window, s, TheCalendar)]);
        Assert.Equal(CaseStatus.Delivered, Current.Status);
    }

    [Fact]
    public void A_case_ending_in_rejections_is_delivered_too()
    {
        string[] items = ["DEATH_CERT", "HUKOU_CANCEL", "INHERITANCE_NOTARIZATION", "HOUSING_FUND_WITHDRAWAL", "WILL_NOTARY_CHECK",
            "MEDICAL_ACCOUNT_WITHDRAWAL"];
        Do((_, s) => [CaseDecisions.Submit(EmbeddedCatalog, CaseId, "GS620100202612010003", "620100", Channel.Online, items,
            TheApplicant, TheDeceased, Payout, Heir, s)]);
        ShareWithRegistries(vouched: false); // every shared material goes to the window instead
        foreach (var material in Current.Materials.Where(m => m.Value.HandIn).Select(m => m.Key).ToArray())
            Do((c, s) => [CaseDecisions.VerifyMaterial(c, material, true, null, s)]);
        Do((c, s) => CaseDecisions.Accept(c, s, TheCalendar));
        Do((c, s) => CaseDecisions.Decide(c, "DEATH_CERT", true, null, s));
        Do((c, s) => CaseDecisions.Issue(c, "DEATH_CERT", "SW-1", s, TheCalendar));
        Do((c, s) => CaseDecisions.Decide(c, "INHERITANCE_NOTARIZATION", false, "继承关系无法确认", s));
        foreach (var item in new[] { "HUKOU_CANCEL", "WILL_NOTARY_CHECK", "MEDICAL_ACCOUNT_WITHDRAWAL" })
        {
            Do((c, s) => CaseDecisions.Decide(c, item, true, null, s));
            Do((c, s) => CaseDecisions.Issue(c, item, $"REF-{item}", s, TheCalendar));
        }

        Assert.Equal(CaseStatus.ReadyForDelivery, Current.Status);
        Assert.Equal(ItemStatus.Rejected, Current.Items["HOUSING_FUND_WITHDRAWAL"].Status);
        var closed = Assert.Single(_history.OfType<ItemRejected>(), r => r.ItemCode == "HOUSING_FUND_WITHDRAWAL");
        Assert.Equal("INHERITANCE_NOTARIZATION", closed.Prerequisite);
        Do((c, s) => [CaseDecisions.Deliver(c, DeliveryMethod.Online, s, TheCalendar)]);
    }
}

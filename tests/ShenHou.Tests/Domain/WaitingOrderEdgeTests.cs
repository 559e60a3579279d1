using ShenHou.Domain.Cases;
using static ShenHou.Tests.Domain.Given;

namespace ShenHou.Tests.Domain;

/// <summary>Edges of the waiting order: materials supplied otherwise, and plans recorded before items said what they produce.</summary>
public sealed class WaitingOrderEdgeTests
{
    [Fact]
    public void The_case_deadline_follows_the_waiting_order_left_after_a_material_was_supplied_otherwise()
    {
        // DEATH_CERT (1) and INHERITANCE_NOTARIZATION (15) run side by side once the certificate came another way.
        var history = VerifiedCase("DEATH_CERT", "INHERITANCE_NOTARIZATION");
        history.AddRange(CaseDecisions.SupplyOtherwise(State(history), "DEATH_CERTIFICATE", "REF", "外地开具", Window, TheCalendar));

        var events = CaseDecisions.Accept(State(history), Now, TheCalendar);

        Assert.Equal(2, events.OfType<ItemTransferred>().Count());
        var latestItem = events.OfType<ItemTransferred>().Max(t => t.DueAt);
        Assert.Equal(latestItem, Assert.IsType<CaseAccepted>(events[0]).DueAt);
    }

    [Fact]
    public void A_case_submitted_before_items_carried_what_they_produce_keeps_its_waiting_order()
    {
        // CaseSubmitted events stored before PlannedItem.Produces existed deserialize with Produces = null.
        var submitted = Submitted("DEATH_CERT", "HUKOU_CANCEL");
        submitted = submitted with { Items = submitted.Items.Select(i => i with { Produces = null }).ToArray() };
        List<object> history = [submitted, .. EveryMaterialVerified(submitted)];

        var events = CaseDecisions.Accept(State(history), Now, TheCalendar);

        Assert.Equal(["DEATH_CERT"], events.OfType<ItemTransferred>().Select(t => t.ItemCode));
        Assert.Equal(["DEATH_CERT"], State([.. history, .. events]).Blocking("HUKOU_CANCEL"));
    }
}

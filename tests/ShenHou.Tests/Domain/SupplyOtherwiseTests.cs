using ShenHou.Domain.Cases;
using static ShenHou.Tests.Domain.Given;

namespace ShenHou.Tests.Domain;

/// <summary>
/// A material the case would produce obtained another way (e.g. a death certificate issued elsewhere):
/// the items needing it stop waiting for its producer and no longer fall with it.
/// </summary>
public sealed class SupplyOtherwiseTests
{
    private const string Certificate = "DEATH_CERTIFICATE";
    private const string Reference = "外地死亡证明 No.B620000123";
    private const string Why = "家属已在外地取得 / the family obtained it elsewhere";

    private static IReadOnlyList<object> Supply(IEnumerable<object> history, string material = Certificate, Stamp? by = null) =>
        CaseDecisions.SupplyOtherwise(State(history), material, Reference, Why, by ?? Now, TheCalendar);

    [Fact]
    public void Supplying_the_death_certificate_transfers_the_item_waiting_for_it_at_once()
    {
        var history = AcceptedCase("DEATH_CERT", "HUKOU_CANCEL");

        var events = Supply(history);

        // Both items now run side by side: the case is due after one working day from acceptance.
        var due = TheCalendar.DueAfter(Window.At, 1);
        Then.Emits(events,
            new MaterialSuppliedOtherwise(CaseId, Certificate, Reference, Why, Now.Actor, Now.At, due.DueAt, due.Confirmed),
            TransferredTo("HUKOU_CANCEL", "PUBLIC_SECURITY", Now));
        var after = Fold([.. history, .. events]);
        Assert.Contains(Certificate, after.SuppliedOtherwise);
        Assert.Equal(ItemStatus.Transferred, after.Items["HUKOU_CANCEL"].Status);
        Assert.Empty(after.Blocking("HUKOU_CANCEL"));
        Assert.Equal(ItemStatus.Transferred, after.Items["DEATH_CERT"].Status); // DEATH_CERT goes on
    }

    [Fact]
    public void Rejecting_the_producer_afterwards_does_not_close_the_item_that_needed_its_material()
    {
        List<object> history = [.. AcceptedCase("DEATH_CERT", "HUKOU_CANCEL")];
        history.AddRange(Supply(history));

        var events = CaseDecisions.Decide(State(history), "DEATH_CERT", false, "信息不符", Now);

        Then.Emits(events, new ItemRejected(CaseId, "DEATH_CERT", "信息不符", null, Now.Actor, Now.At));
        history.AddRange(events);
        Assert.Equal(ItemStatus.Transferred, Fold(history).Items["HUKOU_CANCEL"].Status);

        // HUKOU_CANCEL runs to the end: a mixed outcome, ready for delivery
        history.AddRange(CaseDecisions.Decide(State(history), "HUKOU_CANCEL", true, null, Now));
        var issued = CaseDecisions.Issue(State(history), "HUKOU_CANCEL", "HK-1", Now, TheCalendar);
        Assert.IsType<CaseReadyForDelivery>(issued[^1]);
    }

    [Fact]
    public void Issuing_the_producer_afterwards_does_not_transfer_the_released_item_again()
    {
        List<object> history = [.. AcceptedCase("DEATH_CERT", "HUKOU_CANCEL")];
        history.AddRange(Supply(history));
        history.Add(Approved("DEATH_CERT"));

        Then.Emits(CaseDecisions.Issue(State(history), "DEATH_CERT", "SW-1", Now, TheCalendar),
            new ItemIssued(CaseId, "DEATH_CERT", "SW-1", Now.Actor, Now.At));
    }

    [Fact]
    public void An_item_that_also_waits_for_another_producer_keeps_waiting_for_it()
    {
        var history = AcceptedCase("DEATH_CERT", "INHERITANCE_NOTARIZATION", "HOUSING_FUND_WITHDRAWAL");

        var events = Supply(history);

        // the notarisation needed only the certificate; the housing fund also needs the inheritance document
        var chain = EmbeddedCatalog.Item("INHERITANCE_NOTARIZATION").TimeLimitWorkingDays
                    + EmbeddedCatalog.Item("HOUSING_FUND_WITHDRAWAL").TimeLimitWorkingDays;
        var due = TheCalendar.DueAfter(Window.At, chain);
        Then.Emits(events,
            new MaterialSuppliedOtherwise(CaseId, Certificate, Reference, Why, Now.Actor, Now.At, due.DueAt, due.Confirmed),
            TransferredTo("INHERITANCE_NOTARIZATION", "JUSTICE", Now));
        history.AddRange(events);
        Assert.Equal(["INHERITANCE_NOTARIZATION"], State(history).Blocking("HOUSING_FUND_WITHDRAWAL"));

        history.AddRange(CaseDecisions.Decide(State(history), "DEATH_CERT", false, "信息不符", Now));
        Assert.Equal(ItemStatus.Waiting, State(history).Items["HOUSING_FUND_WITHDRAWAL"].Status);

        var later = new Stamp("justice-02", Beijing(2026, 12, 10, 10));
        history.Add(Approved("INHERITANCE_NOTARIZATION", later));
        Then.EmitsBy(later, CaseDecisions.Issue(State(history), "INHERITANCE_NOTARIZATION", "GZ-1", later, TheCalendar),
            new ItemIssued(CaseId, "INHERITANCE_NOTARIZATION", "GZ-1", later.Actor, later.At),
            TransferredTo("HOUSING_FUND_WITHDRAWAL", "HOUSING", later));
    }

    [Fact]
    public void Supplied_before_acceptance_it_is_recorded_and_the_waiting_item_is_transferred_at_acceptance()
    {
        var history = VerifiedCase("DEATH_CERT", "HUKOU_CANCEL");

        var supplied = Supply(history, by: Window);

        Then.EmitsBy(Window, supplied, new MaterialSuppliedOtherwise(CaseId, Certificate, Reference, Why, Window.Actor, Window.At));
        history.AddRange(supplied);
        Assert.Equal(CaseStatus.Submitted, State(history).Status);

        var accepted = CaseDecisions.Accept(State(history), Now, TheCalendar);

        Assert.Equal(["DEATH_CERT", "HUKOU_CANCEL"], accepted.OfType<ItemTransferred>().Select(t => t.ItemCode));
        Assert.Equal(TransferredTo("HUKOU_CANCEL", "PUBLIC_SECURITY", Now), accepted[2]);
    }

    [Fact]
    public void It_can_be_supplied_while_the_case_awaits_corrections()
    {
        var state = State([
            Submitted("DEATH_CERT", "HUKOU_CANCEL"),
            new CorrectionRequested(CaseId, 1, [new("DECEASED_ID", "过期")], Window.Actor, Window.At),
        ]);

        Assert.IsType<MaterialSuppliedOtherwise>(
            Assert.Single(CaseDecisions.SupplyOtherwise(state, Certificate, Reference, Why, Now, TheCalendar)));
    }

    [Fact]
    public void A_material_no_unfinished_item_produces_is_refused()
    {
        var history = AcceptedCase("DEATH_CERT", "HUKOU_CANCEL");

        var refusal = Then.Refused(() => Supply(history, "INHERITANCE_DOCUMENT"), "material-not-awaited"); // no notarisation chosen
        Assert.Contains("INHERITANCE_DOCUMENT", refusal.English);
        Then.Refused(() => Supply(history, "APPLICANT_ID"), "material-not-awaited"); // handed in, not produced
        Then.Refused(() => Supply([.. history, Approved("DEATH_CERT"), Issued("DEATH_CERT")]), "material-not-awaited");
        Then.Refused(() => Supply(AcceptedCase("HUKOU_CANCEL", "CREMATION_CERT")), "material-not-awaited"); // handed in
    }

    [Fact]
    public void A_material_from_a_rejected_producer_is_refused_the_items_needing_it_were_closed()
    {
        List<object> history = [.. AcceptedCase("DEATH_CERT", "HUKOU_CANCEL", "DRIVING_LICENSE_CANCEL")];
        history.AddRange(CaseDecisions.Decide(State(history), "DEATH_CERT", false, "信息不符", Now));
        Assert.Equal(CaseStatus.Accepted, State(history).Status); // DRIVING_LICENSE_CANCEL keeps the case open

        Then.Refused(() => Supply(history), "material-not-awaited");
    }

    [Fact]
    public void Supplying_the_same_material_twice_is_refused()
    {
        List<object> history = [.. AcceptedCase("DEATH_CERT", "HUKOU_CANCEL")];
        history.AddRange(Supply(history));
        Then.Refused(() => Supply(history), "material-not-awaited");

        var before = VerifiedCase("DEATH_CERT", "HUKOU_CANCEL");
        before.AddRange(Supply(before));
        Then.Refused(() => Supply(before), "material-not-awaited");
    }

    [Fact]
    public void Nothing_can_be_supplied_to_a_case_that_is_no_longer_open()
    {
        var submitted = Submitted("DEATH_CERT", "HUKOU_CANCEL");

        Then.Refused(() => Supply([submitted, Withdrawn("DEATH_CERT", "HUKOU_CANCEL")]), "case-wrong-status");
    }
}

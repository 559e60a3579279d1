using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;
using ShenHou.Domain.People;

namespace ShenHou.Tests.Domain;

/// <summary>
/// The "given" side of the decision tests: the real embedded catalog, a case submitted through
/// <see cref="CaseDecisions.Submit"/>, shorthands for the events that follow, and the fold that turns
/// a history into the write model exactly as Marten's live aggregation does (Create for the first
/// event, Apply for every later one).
/// </summary>
internal static class Given
{
    public static readonly ServiceCatalog EmbeddedCatalog = ServiceCatalog.LoadEmbedded();
    public static readonly Guid CaseId = new("0f7b3c1e-5a2d-4e8f-9b61-2c4d6e8fa013");

    /// <summary>Who wrote the history the tests start from.</summary>
    public static readonly Stamp Window = new("window-620100-01", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)));

    /// <summary>Who issues the command under test: every emitted event must carry this one.</summary>
    public static readonly Stamp Now = new("reviewer-07", new DateTimeOffset(2026, 12, 3, 15, 30, 0, TimeSpan.FromHours(8)));

    public static readonly string[] Annex2Items = EmbeddedCatalog.Items.Where(i => i.Annex2).Select(i => i.Code).ToArray();

    public static readonly Applicant TheApplicant = new("张伟", Gender.Male, "汉族",
        CitizenId.Compose("620102", new DateOnly(1980, 1, 1), 17), "13800138000", Relationship.Child,
        "甘肃省兰州市城关区庆阳路1号", "甘肃省兰州市城关区庆阳路1号");

    public static readonly Deceased TheDeceased = new("王秀英", Gender.Female, "汉族", "兰州市某机械厂",
        CitizenId.Compose("620102", new DateOnly(1950, 3, 8), 22), "甘肃省兰州市城关区庆阳路1号",
        new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8)), "兰州大学第一医院");

    public static readonly PayoutAccount Payout = new("王秀英", "中国工商银行兰州庆阳路支行", "6222021234567890123", "102821000016");
    public static readonly HeirAccount Heir = new("6222029876543210987", "中国建设银行兰州分行");

    public static CaseSubmitted Submitted(params string[] items) =>
        CaseDecisions.Submit(EmbeddedCatalog, CaseId, "GS620100202612010001", "620100", Channel.Window, items,
            TheApplicant, TheDeceased, Payout, Heir, Window);

    /// <summary>Folds a case stream into the write model the way Marten does.</summary>
    public static Case Fold(IEnumerable<object> events)
    {
        Case? state = null;
        foreach (var e in events)
        {
            if (state is null)
            {
                state = e is CaseSubmitted submitted
                    ? Case.Create(submitted)
                    : throw new InvalidOperationException($"a case stream starts with CaseSubmitted, not {e.GetType().Name}");
                continue;
            }
            switch (e)
            {
                case MaterialVerified x: state.Apply(x); break;
                case MaterialRoutedToManualVerification x: state.Apply(x); break;
                case CorrectionRequested x: state.Apply(x); break;
                case SupplementsReceived x: state.Apply(x); break;
                case CaseAccepted x: state.Apply(x); break;
                case ItemTransferred x: state.Apply(x); break;
                case ItemApproved x: state.Apply(x); break;
                case ItemRejected x: state.Apply(x); break;
                case ItemIssued x: state.Apply(x); break;
                case CaseReadyForDelivery x: state.Apply(x); break;
                case CaseDelivered x: state.Apply(x); break;
                case CaseWithdrawn x: state.Apply(x); break;
                default: throw new InvalidOperationException($"Case has no Apply for {e.GetType().Name}");
            }
        }
        return state ?? throw new InvalidOperationException("an empty stream has no case");
    }

    public static Case State(IEnumerable<object> history) => Fold(history);

    /// <summary>Submitted, every material to hand in verified, accepted, the items that wait for nothing transferred.</summary>
    public static List<object> AcceptedCase(params string[] items)
    {
        var submitted = Submitted(items);
        var history = new List<object> { submitted };
        history.AddRange(EveryMaterialVerified(submitted));
        history.Add(Accepted());
        history.AddRange(submitted.Items.Where(i => i.WaitingFor.Count == 0).Select(i => Transferred(i.Code)));
        return history;
    }

    public static IEnumerable<object> EveryMaterialVerified(CaseSubmitted submitted) =>
        submitted.Materials.Where(m => m.HandIn).Select(m => Verified(m.Code));

    public static MaterialVerified Verified(string material, bool passed = true, Stamp? by = null) =>
        new(CaseId, material, passed, passed ? null : "证件已过期", VerificationMethod.Manual, null,
            (by ?? Window).Actor, (by ?? Window).At);

    public static CaseAccepted Accepted(Stamp? by = null) => new(CaseId, (by ?? Window).Actor, (by ?? Window).At);

    public static ItemTransferred Transferred(string item, Stamp? by = null) =>
        new(CaseId, item, EmbeddedCatalog.Item(item).Department, (by ?? Window).Actor, (by ?? Window).At);

    public static ItemApproved Approved(string item, Stamp? by = null) =>
        new(CaseId, item, null, (by ?? Window).Actor, (by ?? Window).At);

    public static ItemIssued Issued(string item, Stamp? by = null) =>
        new(CaseId, item, $"REF-{item}", (by ?? Window).Actor, (by ?? Window).At);

    public static ItemRejected Rejected(string item, string reason = "材料不符 / materials do not match", Stamp? by = null) =>
        new(CaseId, item, reason, null, (by ?? Window).Actor, (by ?? Window).At);

    /// <summary>An item closed because its prerequisite was rejected, as the decision words it.</summary>
    public static ItemRejected ClosedBecause(string item, string prerequisite, Stamp? by = null) =>
        new(CaseId, item, $"前置事项 {prerequisite} 未通过 / prerequisite {prerequisite} was rejected", prerequisite,
            (by ?? Window).Actor, (by ?? Window).At);

    public static CaseReadyForDelivery ReadyForDelivery(Stamp? by = null) => new(CaseId, (by ?? Window).Actor, (by ?? Window).At);
    public static CaseDelivered Delivered(Stamp? by = null) => new(CaseId, DeliveryMethod.Window, (by ?? Window).Actor, (by ?? Window).At);
    public static CaseWithdrawn Withdrawn(Stamp? by = null) => new(CaseId, "家属撤回", (by ?? Window).Actor, (by ?? Window).At);
}

/// <summary>The "then" side: exact events, each carrying the case and the command's stamp, or a named refusal.</summary>
internal static class Then
{
    public static void Emits(IEnumerable<object> actual, params object[] expected)
    {
        var emitted = actual.ToArray();
        Assert.Equal(expected, emitted);
        CarriesStamp(emitted, Given.CaseId, Given.Now);
    }

    public static void CarriesStamp(IEnumerable<object> events, Guid caseId, Stamp stamp)
    {
        foreach (var e in events)
        {
            var stamped = Assert.IsAssignableFrom<ICaseEvent>(e);
            Assert.Equal(caseId, stamped.CaseId);
            Assert.Equal(stamp.Actor, stamped.Actor);
            Assert.Equal(stamp.At, stamped.At);
        }
    }

    public static CaseRuleViolation Refused(Action when, string rule)
    {
        var violation = Assert.Throws<CaseRuleViolation>(when);
        Assert.Equal(rule, violation.Rule);
        Assert.False(string.IsNullOrWhiteSpace(violation.Chinese));
        Assert.False(string.IsNullOrWhiteSpace(violation.English));
        return violation;
    }
}

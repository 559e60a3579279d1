using ShenHou.Domain.Calendar;
using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;
using ShenHou.Domain.Compression;
using ShenHou.Domain.People;

namespace ShenHou.Tests.Domain;

/// <summary>
/// The "given" side of the decision tests: the real embedded catalog and working calendar, a case submitted through
/// <see cref="CaseDecisions.Submit"/>, shorthands for the events that follow, and the fold that turns
/// a history into the write model exactly as Marten's live aggregation does (Create for the first
/// event, Apply for every later one).
/// </summary>
internal static class Given
{
    public static readonly ServiceCatalog EmbeddedCatalog = ServiceCatalog.LoadEmbedded();
    public static readonly WorkingCalendar TheCalendar = WorkingCalendar.LoadEmbedded();
    public static readonly Guid CaseId = new("0f7b3c1e-5a2d-4e8f-9b61-2c4d6e8fa013");
    public const string CaseNumber = "GS620100202612010001";
    public const string RegionCode = "620100";

    /// <summary>An instant in China Standard Time (+08:00), the zone every deadline is counted in.</summary>
    public static DateTimeOffset Beijing(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, ChinaStandardTime.Offset);

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
        CaseDecisions.Submit(EmbeddedCatalog, CaseId, CaseNumber, RegionCode, Channel.Window, items,
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
                case ItemClaimed x: state.Apply(x); break;
                case ItemReleased x: state.Apply(x); break;
                case ItemDeadlineApproaching x: state.Apply(x); break;
                case ItemOverdue x: state.Apply(x); break;
                case ItemDeadlineExtended x: state.Apply(x); break;
                case MaterialSuppliedOtherwise x: state.Apply(x); break;
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

    /// <summary>Submitted and every material to hand in verified: ready to be accepted.</summary>
    public static List<object> VerifiedCase(params string[] items)
    {
        var submitted = Submitted(items);
        return [submitted, .. EveryMaterialVerified(submitted)];
    }

    /// <summary>Submitted, every material to hand in verified, accepted, the items that wait for nothing transferred.</summary>
    public static List<object> AcceptedCase(params string[] items) => AcceptedCase(Window, items);

    /// <summary>The same, accepted (and the first items transferred) at <paramref name="by"/>.</summary>
    public static List<object> AcceptedCase(Stamp by, params string[] items)
    {
        var history = VerifiedCase(items);
        var submitted = (CaseSubmitted)history[0];
        history.Add(Accepted(CompressionFigures.LongestChain(submitted.Items), by));
        history.AddRange(submitted.Items.Where(i => i.WaitingFor.Count == 0).Select(i => Transferred(i.Code, by)));
        return history;
    }

    public static IEnumerable<object> EveryMaterialVerified(CaseSubmitted submitted) =>
        submitted.Materials.Where(m => m.HandIn).Select(m => Verified(m.Code));

    public static MaterialVerified Verified(string material, bool passed = true, Stamp? by = null) =>
        new(CaseId, material, passed, passed ? null : "证件已过期", VerificationMethod.Manual, null,
            (by ?? Window).Actor, (by ?? Window).At);

    /// <summary>受理 with the case due <paramref name="chainDays"/> working days (its longest chain) after acceptance.</summary>
    public static CaseAccepted Accepted(int chainDays, Stamp? by = null)
    {
        var s = by ?? Window;
        var due = TheCalendar.DueAfter(s.At, chainDays);
        return new(CaseId, due.DueAt, due.Confirmed, s.Actor, s.At);
    }

    /// <summary>An item transferred to its catalog department, its clock started as the decisions start it.</summary>
    public static ItemTransferred Transferred(string item, Stamp? by = null) =>
        TransferredTo(item, EmbeddedCatalog.Item(item).Department, by);

    /// <summary>
    /// An item transferred to <paramref name="department"/>: due its catalog time limit in working days
    /// after the transfer, warned at <see cref="CaseDecisions.DeadlineWarning"/> of it.
    /// </summary>
    public static ItemTransferred TransferredTo(string item, string department, Stamp? by = null)
    {
        var s = by ?? Window;
        var limit = EmbeddedCatalog.Item(item).TimeLimitWorkingDays;
        var due = TheCalendar.DueAfter(s.At, limit);
        return new(CaseId, CaseNumber, RegionCode, item, department,
            TheCalendar.AtFraction(s.At, limit, CaseDecisions.DeadlineWarning), due.DueAt, due.Confirmed, s.Actor, s.At);
    }

    /// <summary>A reviewer took the item (the reviewer is the actor, as in <see cref="CaseDecisions.Claim"/>).</summary>
    public static ItemClaimed Claimed(string item, string reviewer) => new(CaseId, item, reviewer, reviewer, Window.At);

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
    public static CaseDelivered Delivered(Stamp? by = null) => new(CaseId, DeliveryMethod.Window, 1, 0, (by ?? Window).Actor, (by ?? Window).At);
    /// <summary>撤回 with the items that were still open (none named unless given: the fold does not need them).</summary>
    public static CaseWithdrawn Withdrawn(params string[] openItems) => new(CaseId, "家属撤回", openItems, Window.Actor, Window.At);
}

/// <summary>The "then" side: exact events, each carrying the case and the command's stamp, or a named refusal.</summary>
internal static class Then
{
    public static void Emits(IEnumerable<object> actual, params object[] expected) => EmitsBy(Given.Now, actual, expected);

    /// <summary>Exactly <paramref name="expected"/>, every event carrying <paramref name="stamp"/>.</summary>
    public static void EmitsBy(Stamp stamp, IEnumerable<object> actual, params object[] expected)
    {
        var emitted = actual.ToArray();
        Assert.Equal(expected, emitted);
        CarriesStamp(emitted, Given.CaseId, stamp);
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

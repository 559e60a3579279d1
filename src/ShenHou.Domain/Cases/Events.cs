namespace ShenHou.Domain.Cases;

/// <summary>What every event of a case carries: the case, who, and when.</summary>
public interface ICaseEvent
{
    Guid CaseId { get; }
    string Actor { get; }
    DateTimeOffset At { get; }
}

// Every event names its case, who caused it and when: the history is the legal record.

/// <summary>An item of the case as planned from the catalog at submission; the case keeps it even if the catalog changes.</summary>
public sealed record PlannedItem(
    string Code,
    string Department,
    int TimeLimitWorkingDays,
    IReadOnlyList<string> Requires,
    IReadOnlyList<string> WaitingFor,
    IReadOnlyList<string>? Produces = null);

/// <summary>
/// A material of the case as planned at submission. <c>Registry</c> names the registry asked to vouch
/// for a <see cref="MaterialSource.SharedData"/> material.
/// </summary>
public sealed record PlannedMaterial(
    string Code,
    IReadOnlyList<string> RequiredBy,
    bool HandIn,
    MaterialSource Source,
    IReadOnlyList<string> OriginalRequiredFor,
    bool OfflineOnly,
    string? Registry = null);

public sealed record CaseSubmitted(
    Guid CaseId,
    string CaseNumber,
    string RegionCode,
    Channel Channel,
    string CatalogVersion,
    IReadOnlyList<PlannedItem> Items,
    IReadOnlyList<PlannedMaterial> Materials,
    Applicant Applicant,
    Deceased Deceased,
    PayoutAccount? PayoutAccount,
    HeirAccount? HeirAccount,
    Assistance? Assistance,
    string Actor,
    DateTimeOffset At) : ICaseEvent;

public sealed record MaterialVerified(
    Guid CaseId,
    string MaterialCode,
    bool Passed,
    string? Reason,
    VerificationMethod Method,
    string? Registry,
    string Actor,
    DateTimeOffset At) : ICaseEvent;

/// <summary>
/// A registry could not vouch for a material (no record, a mismatch, or it was down, slow or
/// answered nonsense): the applicant hands it in and staff verify it instead.
/// </summary>
public sealed record MaterialRoutedToManualVerification(
    Guid CaseId, string MaterialCode, string Registry, string Reason, string Actor, DateTimeOffset At) : ICaseEvent;

/// <summary>One deficient material and what is wrong with it.</summary>
public sealed record MaterialDeficiency(string MaterialCode, string Reason);

/// <summary>一次性告知补正: every deficient material at once; the case waits for the applicant.</summary>
public sealed record CorrectionRequested(
    Guid CaseId, int Round, IReadOnlyList<MaterialDeficiency> Materials, string Actor, DateTimeOffset At) : ICaseEvent;

/// <summary>The applicant brought what the round asked for; verification continues.</summary>
public sealed record SupplementsReceived(
    Guid CaseId, int Round, IReadOnlyList<string> Materials, string? Note, string Actor, DateTimeOffset At) : ICaseEvent;

/// <summary>
/// 受理: the window took the case on. <c>DueAt</c> is the case's deadline: the longest chain of the
/// waiting order in working days, counted from now; <c>DueConfirmed</c> is false when it rests on a
/// year whose holidays are not published yet.
/// </summary>
public sealed record CaseAccepted(Guid CaseId, DateTimeOffset DueAt, bool DueConfirmed, string Actor, DateTimeOffset At) : ICaseEvent;

/// <summary>
/// 按责转办: the item went to its department. Its clock starts now: <c>WarnAt</c> is 75% of its time
/// limit, <c>DueAt</c> the end of its last working day. The case's number and region travel with it
/// so that the department's queue needs nothing else.
/// </summary>
public sealed record ItemTransferred(
    Guid CaseId, string CaseNumber, string RegionCode, string ItemCode, string Department,
    DateTimeOffset WarnAt, DateTimeOffset DueAt, bool DueConfirmed, string Actor, DateTimeOffset At) : ICaseEvent;

/// <summary>A reviewer took the item: nobody else may work it until it is released.</summary>
public sealed record ItemClaimed(Guid CaseId, string ItemCode, string Reviewer, string Actor, DateTimeOffset At) : ICaseEvent;

public sealed record ItemReleased(Guid CaseId, string ItemCode, string Reviewer, string Actor, DateTimeOffset At) : ICaseEvent;

/// <summary>75% of the item's time limit has passed and it is not finished.</summary>
public sealed record ItemDeadlineApproaching(
    Guid CaseId, string ItemCode, string Department, DateTimeOffset DueAt, string Actor, DateTimeOffset At) : ICaseEvent;

/// <summary>限时办结 missed: the item's deadline passed and it is not finished.</summary>
public sealed record ItemOverdue(
    Guid CaseId, string ItemCode, string Department, DateTimeOffset DueAt, string Actor, DateTimeOffset At) : ICaseEvent;

/// <summary>An approved extension of an item's time limit; the case's deadline follows the longest chain again.</summary>
public sealed record ItemDeadlineExtended(
    Guid CaseId, string ItemCode, int ExtraWorkingDays, string Reason, string ApprovedBy,
    DateTimeOffset WarnAt, DateTimeOffset DueAt, bool DueConfirmed, DateTimeOffset CaseDueAt, bool CaseDueConfirmed,
    string Actor, DateTimeOffset At) : ICaseEvent;

/// <summary>
/// A material the case would produce was obtained another way (e.g. the family brought a death
/// certificate issued elsewhere): items needing it no longer wait for, or fall with, its producer.
/// After acceptance the case's deadline follows the shorter chain: <c>CaseDueAt</c> (null before).
/// </summary>
public sealed record MaterialSuppliedOtherwise(
    Guid CaseId, string MaterialCode, string Reference, string Reason, string Actor, DateTimeOffset At,
    DateTimeOffset? CaseDueAt = null, bool? CaseDueConfirmed = null) : ICaseEvent;

public sealed record ItemApproved(Guid CaseId, string ItemCode, string? Reason, string Actor, DateTimeOffset At) : ICaseEvent;

/// <summary><c>Prerequisite</c> names the rejected item when this one was closed because of it.</summary>
public sealed record ItemRejected(
    Guid CaseId, string ItemCode, string Reason, string? Prerequisite, string Actor, DateTimeOffset At) : ICaseEvent;

public sealed record ItemIssued(Guid CaseId, string ItemCode, string Reference, string Actor, DateTimeOffset At) : ICaseEvent;

public sealed record CaseReadyForDelivery(Guid CaseId, string Actor, DateTimeOffset At) : ICaseEvent;

/// <summary>
/// 一窗出件: every result handed out together. <c>ActualWorkingDays</c>: working days from submission
/// to now, less <c>WaitingForApplicantWorkingDays</c> spent in correction rounds (the clock stops
/// while the family is asked for something), rounded up, at least one.
/// </summary>
public sealed record CaseDelivered(
    Guid CaseId, DeliveryMethod Method, int ActualWorkingDays, double WaitingForApplicantWorkingDays,
    string Actor, DateTimeOffset At) : ICaseEvent;

/// <summary><c>OpenItems</c>: the items still in progress, which the departments stop working.</summary>
public sealed record CaseWithdrawn(
    Guid CaseId, string Reason, IReadOnlyList<string> OpenItems, string Actor, DateTimeOffset At) : ICaseEvent;

public static class CaseEvents
{
    /// <summary>Every event type of a case stream, for registration with the event store.</summary>
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(CaseSubmitted), typeof(MaterialVerified), typeof(MaterialRoutedToManualVerification),
        typeof(CorrectionRequested), typeof(SupplementsReceived), typeof(CaseAccepted), typeof(ItemTransferred),
        typeof(ItemClaimed), typeof(ItemReleased), typeof(ItemDeadlineApproaching), typeof(ItemOverdue),
        typeof(ItemDeadlineExtended), typeof(MaterialSuppliedOtherwise),
        typeof(ItemApproved), typeof(ItemRejected), typeof(ItemIssued), typeof(CaseReadyForDelivery),
        typeof(CaseDelivered), typeof(CaseWithdrawn),
    ];
}

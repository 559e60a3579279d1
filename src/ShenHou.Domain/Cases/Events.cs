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
    IReadOnlyList<string> WaitingFor);

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

/// <summary>受理: the window took the case on.</summary>
public sealed record CaseAccepted(Guid CaseId, string Actor, DateTimeOffset At) : ICaseEvent;

/// <summary>按责转办: the item went to its department.</summary>
public sealed record ItemTransferred(Guid CaseId, string ItemCode, string Department, string Actor, DateTimeOffset At) : ICaseEvent;

public sealed record ItemApproved(Guid CaseId, string ItemCode, string? Reason, string Actor, DateTimeOffset At) : ICaseEvent;

/// <summary><c>Prerequisite</c> names the rejected item when this one was closed because of it.</summary>
public sealed record ItemRejected(
    Guid CaseId, string ItemCode, string Reason, string? Prerequisite, string Actor, DateTimeOffset At) : ICaseEvent;

public sealed record ItemIssued(Guid CaseId, string ItemCode, string Reference, string Actor, DateTimeOffset At) : ICaseEvent;

public sealed record CaseReadyForDelivery(Guid CaseId, string Actor, DateTimeOffset At) : ICaseEvent;

/// <summary>一窗出件: every result handed out together.</summary>
public sealed record CaseDelivered(Guid CaseId, DeliveryMethod Method, string Actor, DateTimeOffset At) : ICaseEvent;

public sealed record CaseWithdrawn(Guid CaseId, string Reason, string Actor, DateTimeOffset At) : ICaseEvent;

public static class CaseEvents
{
    /// <summary>Every event type of a case stream, for registration with the event store.</summary>
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(CaseSubmitted), typeof(MaterialVerified), typeof(MaterialRoutedToManualVerification),
        typeof(CorrectionRequested), typeof(SupplementsReceived), typeof(CaseAccepted), typeof(ItemTransferred),
        typeof(ItemApproved), typeof(ItemRejected), typeof(ItemIssued), typeof(CaseReadyForDelivery),
        typeof(CaseDelivered), typeof(CaseWithdrawn),
    ];
}

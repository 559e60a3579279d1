using ShenHou.Domain.Cases;

namespace ShenHou.Projections.Cases;

// The parts of CaseDetails.

public sealed class CaseItemView
{
    public string Code { get; set; } = "";
    public string Department { get; set; } = "";
    public ItemStatus Status { get; set; } = ItemStatus.Pending;
    public int TimeLimitWorkingDays { get; set; }
    public List<string> Requires { get; set; } = [];
    public List<string> WaitingFor { get; set; } = [];
    public DateTimeOffset? TransferredAt { get; set; }
    /// <summary>When 75% of the time limit has passed.</summary>
    public DateTimeOffset? WarnAt { get; set; }
    /// <summary>End of the last working day of the time limit (with extensions), from the transfer.</summary>
    public DateTimeOffset? DueAt { get; set; }
    public bool DueConfirmed { get; set; } = true;
    public string? ClaimedBy { get; set; }
    /// <summary>Recorded by the deadline monitor; cleared by an extension.</summary>
    public DateTimeOffset? ApproachingSince { get; set; }
    public DateTimeOffset? OverdueSince { get; set; }
    public List<ExtensionView> Extensions { get; set; } = [];
    public DecisionView? Decision { get; set; }
    public ResultView? Result { get; set; }
}

/// <param name="Prerequisite">Set when the item was closed because this prerequisite was rejected.</param>
public sealed record DecisionView(bool Approved, string? Reason, string DecidedBy, DateTimeOffset DecidedAt, string? Prerequisite);

public sealed record ExtensionView(int ExtraWorkingDays, string Reason, string ApprovedBy, DateTimeOffset NewDueAt, DateTimeOffset ExtendedAt);

public sealed record SuppliedOtherwiseView(string MaterialCode, string Reference, string Reason, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record ResultView(string Reference, DateTimeOffset IssuedAt, string IssuedBy);

public sealed class CaseMaterialView
{
    public string Code { get; set; } = "";
    public MaterialStatus Status { get; set; }
    public MaterialSource Source { get; set; }
    public bool HandIn { get; set; }
    public bool OfflineOnly { get; set; }
    public List<string> RequiredBy { get; set; } = [];
    public List<string> OriginalRequiredFor { get; set; } = [];
    /// <summary>The registry asked to vouch for it (data sharing), if any.</summary>
    public string? Registry { get; set; }
    /// <summary>Why a shared material went to the window after all (registry down, no record, mismatch).</summary>
    public string? ManualVerificationReason { get; set; }
    /// <summary>What the last correction round said is wrong with it.</summary>
    public string? CorrectionReason { get; set; }
    public VerificationView? Verification { get; set; }
}

/// <summary>One round of 一次性告知补正.</summary>
public sealed class CorrectionRoundView
{
    public int Round { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string RequestedBy { get; set; } = "";
    public List<MaterialDeficiencyView> Materials { get; set; } = [];
    public DateTimeOffset? SupplementedAt { get; set; }
    public string? SupplementNote { get; set; }
}

public sealed record MaterialDeficiencyView(string Code, string Reason);

public sealed record VerificationView(
    bool Passed, string? Reason, VerificationMethod Method, string? Registry, string VerifiedBy, DateTimeOffset VerifiedAt);

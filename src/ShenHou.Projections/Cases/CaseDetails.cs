using ShenHou.Domain.Cases;
using ShenHou.Domain.Compression;

namespace ShenHou.Projections.Cases;

/// <summary>
/// One case as window staff see it (<c>GET /api/cases/{id}</c>). Projected inline, in the same
/// transaction as the events, so it is never stale.
/// </summary>
public sealed class CaseDetails
{
    public Guid Id { get; set; }
    public string CaseNumber { get; set; } = "";
    /// <summary>The case's stream version: send it back as <c>version</c> to detect stale writes.</summary>
    public long Version { get; set; }
    public CaseStatus Status { get; set; }
    public string RegionCode { get; set; } = "";
    public Channel Channel { get; set; }
    public string CatalogVersion { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
    /// <summary>Null until working-day deadlines are tracked.</summary>
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? ReadyForDeliveryAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DeliveryMethod? DeliveryMethod { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawalReason { get; set; }
    public Applicant Applicant { get; set; } = null!;
    public Deceased Deceased { get; set; } = null!;
    public PayoutAccount? PayoutAccount { get; set; }
    public HeirAccount? HeirAccount { get; set; }
    public List<CaseItemView> Items { get; set; } = [];
    public List<CaseMaterialView> Materials { get; set; } = [];
    public CompressionFigures Compression { get; set; } = null!;

    public static CaseDetails Create(CaseSubmitted e)
    {
        var details = new CaseDetails
        {
            Id = e.CaseId, CaseNumber = e.CaseNumber, Status = CaseStatus.Submitted, RegionCode = e.RegionCode,
            Channel = e.Channel, CatalogVersion = e.CatalogVersion, SubmittedAt = e.At, SubmittedBy = e.Actor,
            Applicant = e.Applicant, Deceased = e.Deceased, PayoutAccount = e.PayoutAccount, HeirAccount = e.HeirAccount,
            Items = e.Items.Select(i => new CaseItemView
            {
                Code = i.Code, Department = i.Department, TimeLimitWorkingDays = i.TimeLimitWorkingDays,
                Requires = [.. i.Requires], WaitingFor = [.. i.WaitingFor],
            }).ToList(),
            Materials = e.Materials.Select(m => new CaseMaterialView
            {
                Code = m.Code, Source = m.Source, HandIn = m.HandIn, RequiredBy = [.. m.RequiredBy],
                OriginalRequiredFor = [.. m.OriginalRequiredFor], OfflineOnly = m.OfflineOnly,
                Status = m.HandIn ? MaterialStatus.Required : MaterialStatus.NotRequired,
            }).ToList(),
        };
        details.Refigure();
        return details;
    }

    public void Apply(MaterialVerified e)
    {
        var material = Materials.Single(m => m.Code == e.MaterialCode);
        material.Status = e.Passed ? MaterialStatus.Verified : MaterialStatus.Rejected;
        material.Verification = new VerificationView(e.Passed, e.Reason, e.Method, e.Registry, e.Actor, e.At);
    }

    public void Apply(CaseAccepted e)
    {
        Status = CaseStatus.Accepted;
        AcceptedAt = e.At;
        foreach (var item in Items) item.Status = ItemStatus.Waiting;
    }

    public void Apply(ItemTransferred e)
    {
        var item = Item(e.ItemCode);
        item.Status = ItemStatus.Transferred;
        item.TransferredAt = e.At;
    }

    public void Apply(ItemApproved e)
    {
        var item = Item(e.ItemCode);
        item.Status = ItemStatus.Approved;
        item.Decision = new DecisionView(true, e.Reason, e.Actor, e.At);
    }

    public void Apply(ItemRejected e)
    {
        var item = Item(e.ItemCode);
        item.Status = ItemStatus.Rejected;
        item.Decision = new DecisionView(false, e.Reason, e.Actor, e.At);
    }

    public void Apply(ItemIssued e)
    {
        var item = Item(e.ItemCode);
        item.Status = ItemStatus.Issued;
        item.Result = new ResultView(e.Reference, e.At, e.Actor);
    }

    public void Apply(CaseReadyForDelivery e)
    {
        Status = CaseStatus.ReadyForDelivery;
        ReadyForDeliveryAt = e.At;
    }

    public void Apply(CaseDelivered e)
    {
        Status = CaseStatus.Delivered;
        DeliveredAt = e.At;
        DeliveryMethod = e.Method;
        Refigure();
    }

    public void Apply(CaseWithdrawn e)
    {
        Status = CaseStatus.Withdrawn;
        WithdrawnAt = e.At;
        WithdrawalReason = e.Reason;
    }

    private CaseItemView Item(string code) => Items.Single(i => i.Code == code);

    private void Refigure() => Compression = CompressionFigures.For(
        Items.Select(i => new PlannedItem(i.Code, i.Department, i.TimeLimitWorkingDays, i.Requires, i.WaitingFor)).ToArray(),
        Materials.Select(m => new PlannedMaterial(m.Code, m.RequiredBy, m.HandIn, m.Source, m.OriginalRequiredFor, m.OfflineOnly)).ToArray(),
        ActualVisits());

    // A visit is a trip to a window: filing there, and collecting the results there.
    private int ActualVisits() =>
        (Channel == Channel.Online ? 0 : 1) + (DeliveryMethod == Domain.Cases.DeliveryMethod.Window ? 1 : 0);
}

public sealed class CaseItemView
{
    public string Code { get; set; } = "";
    public string Department { get; set; } = "";
    public ItemStatus Status { get; set; } = ItemStatus.Pending;
    public int TimeLimitWorkingDays { get; set; }
    public List<string> Requires { get; set; } = [];
    public List<string> WaitingFor { get; set; } = [];
    public DateTimeOffset? TransferredAt { get; set; }
    /// <summary>Null until working-day deadlines are tracked.</summary>
    public DateTimeOffset? DueAt { get; set; }
    public DecisionView? Decision { get; set; }
    public ResultView? Result { get; set; }
}

public sealed record DecisionView(bool Approved, string? Reason, string DecidedBy, DateTimeOffset DecidedAt);

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
    public VerificationView? Verification { get; set; }
}

public sealed record VerificationView(
    bool Passed, string? Reason, VerificationMethod Method, string? Registry, string VerifiedBy, DateTimeOffset VerifiedAt);

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
    /// <summary>The case's deadline, set at acceptance: the longest chain of the waiting order in working days.</summary>
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>False when the deadline rests on a year whose holidays are not published yet.</summary>
    public bool DueConfirmed { get; set; } = true;
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? ReadyForDeliveryAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DeliveryMethod? DeliveryMethod { get; set; }
    /// <summary>Working days from submission to delivery, correction rounds excluded (null until delivered).</summary>
    public int? ActualWorkingDays { get; set; }
    /// <summary>Working days the case waited for the applicant in correction rounds (null until delivered).</summary>
    public double? WaitingForApplicantWorkingDays { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawalReason { get; set; }
    public Applicant Applicant { get; set; } = null!;
    public Deceased Deceased { get; set; } = null!;
    public PayoutAccount? PayoutAccount { get; set; }
    public HeirAccount? HeirAccount { get; set; }
    /// <summary>帮办代办: set when staff filed for the family.</summary>
    public Assistance? Assistance { get; set; }
    public List<CaseItemView> Items { get; set; } = [];
    public List<CaseMaterialView> Materials { get; set; } = [];
    public List<CorrectionRoundView> Corrections { get; set; } = [];
    public List<SuppliedOtherwiseView> SuppliedOtherwise { get; set; } = [];
    public CompressionFigures Compression { get; set; } = null!;

    public static CaseDetails Create(CaseSubmitted e)
    {
        var details = new CaseDetails
        {
            Id = e.CaseId, CaseNumber = e.CaseNumber, Status = CaseStatus.Submitted, RegionCode = e.RegionCode,
            Channel = e.Channel, CatalogVersion = e.CatalogVersion, SubmittedAt = e.At, SubmittedBy = e.Actor,
            Applicant = e.Applicant, Deceased = e.Deceased, PayoutAccount = e.PayoutAccount, HeirAccount = e.HeirAccount,
            Assistance = e.Assistance,
            Items = e.Items.Select(i => new CaseItemView
            {
                Code = i.Code, Department = i.Department, TimeLimitWorkingDays = i.TimeLimitWorkingDays,
                Requires = [.. i.Requires], WaitingFor = [.. i.WaitingFor],
            }).ToList(),
            Materials = e.Materials.Select(m => new CaseMaterialView
            {
                Code = m.Code, Source = m.Source, HandIn = m.HandIn, RequiredBy = [.. m.RequiredBy],
                OriginalRequiredFor = [.. m.OriginalRequiredFor], OfflineOnly = m.OfflineOnly, Registry = m.Registry,
                Status = m.Source == MaterialSource.ProducedInCase ? MaterialStatus.NotRequired : MaterialStatus.Required,
            }).ToList(),
        };
        details.Refigure();
        return details;
    }

    public void Apply(MaterialVerified e)
    {
        var material = Material(e.MaterialCode);
        material.Status = e.Passed ? MaterialStatus.Verified : MaterialStatus.Rejected;
        material.Verification = new VerificationView(e.Passed, e.Reason, e.Method, e.Registry, e.Actor, e.At);
    }

    public void Apply(MaterialRoutedToManualVerification e)
    {
        var material = Material(e.MaterialCode);
        material.HandIn = true;
        material.Source = MaterialSource.Applicant;
        material.Status = MaterialStatus.Required;
        material.ManualVerificationReason = e.Reason;
        Refigure();
    }

    public void Apply(CorrectionRequested e)
    {
        Status = CaseStatus.AwaitingCorrection;
        Corrections.Add(new CorrectionRoundView
        {
            Round = e.Round, RequestedAt = e.At, RequestedBy = e.Actor,
            Materials = e.Materials.Select(m => new MaterialDeficiencyView(m.MaterialCode, m.Reason)).ToList(),
        });
        foreach (var m in e.Materials)
        {
            var material = Material(m.MaterialCode);
            material.Status = MaterialStatus.Rejected;
            material.CorrectionReason = m.Reason;
        }
    }

    public void Apply(SupplementsReceived e)
    {
        Status = CaseStatus.Submitted;
        var round = Corrections.Single(c => c.Round == e.Round);
        round.SupplementedAt = e.At;
        round.SupplementNote = e.Note;
        foreach (var code in e.Materials)
        {
            var material = Material(code);
            material.Status = MaterialStatus.Required;
            material.Verification = null;
        }
    }

    public void Apply(CaseAccepted e)
    {
        Status = CaseStatus.Accepted;
        AcceptedAt = e.At;
        DueAt = e.DueAt;
        DueConfirmed = e.DueConfirmed;
        foreach (var item in Items) item.Status = ItemStatus.Waiting;
    }

    public void Apply(ItemTransferred e)
    {
        var item = Item(e.ItemCode);
        item.Status = ItemStatus.Transferred;
        item.TransferredAt = e.At;
        item.WarnAt = e.WarnAt;
        item.DueAt = e.DueAt;
        item.DueConfirmed = e.DueConfirmed;
    }

    public void Apply(ItemClaimed e) => Item(e.ItemCode).ClaimedBy = e.Reviewer;
    public void Apply(ItemReleased e) => Item(e.ItemCode).ClaimedBy = null;
    public void Apply(ItemDeadlineApproaching e) => Item(e.ItemCode).ApproachingSince = e.At;
    public void Apply(ItemOverdue e) => Item(e.ItemCode).OverdueSince = e.At;

    public void Apply(ItemDeadlineExtended e)
    {
        var item = Item(e.ItemCode);
        item.Extensions.Add(new ExtensionView(e.ExtraWorkingDays, e.Reason, e.ApprovedBy, e.DueAt, e.At));
        item.WarnAt = e.WarnAt;
        item.DueAt = e.DueAt;
        item.DueConfirmed = e.DueConfirmed;
        item.ApproachingSince = null;
        item.OverdueSince = null;
        DueAt = e.CaseDueAt;
        DueConfirmed = e.CaseDueConfirmed;
    }

    public void Apply(MaterialSuppliedOtherwise e)
    {
        SuppliedOtherwise.Add(new SuppliedOtherwiseView(e.MaterialCode, e.Reference, e.Reason, e.Actor, e.At));
        if (e.CaseDueAt is { } due) (DueAt, DueConfirmed) = (due, e.CaseDueConfirmed ?? DueConfirmed);
    }

    public void Apply(ItemApproved e)
    {
        var item = Item(e.ItemCode);
        item.Status = ItemStatus.Approved;
        item.Decision = new DecisionView(true, e.Reason, e.Actor, e.At, null);
    }

    public void Apply(ItemRejected e)
    {
        var item = Item(e.ItemCode);
        item.Status = ItemStatus.Rejected;
        item.ClaimedBy = null;
        item.Decision = new DecisionView(false, e.Reason, e.Actor, e.At, e.Prerequisite);
    }

    public void Apply(ItemIssued e)
    {
        var item = Item(e.ItemCode);
        item.Status = ItemStatus.Issued;
        item.ClaimedBy = null;
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
        ActualWorkingDays = e.ActualWorkingDays;
        WaitingForApplicantWorkingDays = e.WaitingForApplicantWorkingDays;
        Refigure();
    }

    public void Apply(CaseWithdrawn e)
    {
        Status = CaseStatus.Withdrawn;
        WithdrawnAt = e.At;
        WithdrawalReason = e.Reason;
    }

    private CaseItemView Item(string code) => Items.Single(i => i.Code == code);
    private CaseMaterialView Material(string code) => Materials.Single(m => m.Code == code);

    private void Refigure()
    {
        var materials = Materials.Select(m => new PlannedMaterial(m.Code, m.RequiredBy, m.HandIn, m.Source,
            m.OriginalRequiredFor, m.OfflineOnly, m.Registry)).ToArray();
        Compression = CompressionFigures.For(
            Items.Select(i => new PlannedItem(i.Code, i.Department, i.TimeLimitWorkingDays, i.Requires, i.WaitingFor)).ToArray(),
            materials,
            CompressionFigures.CountVisits(Channel, materials, DeliveryMethod), ActualWorkingDays);
    }
}

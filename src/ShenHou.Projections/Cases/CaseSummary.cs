using ShenHou.Domain.Cases;
using ShenHou.Domain.Compression;

namespace ShenHou.Projections.Cases;

/// <summary>
/// A case as one row of the window view and of the compression report. Projected asynchronously by
/// the daemon: it may lag the case's events by moments (see docs/architecture.md).
/// </summary>
public sealed class CaseSummary
{
    public Guid Id { get; set; }
    public string CaseNumber { get; set; } = "";
    public CaseStatus Status { get; set; }
    public string RegionCode { get; set; } = "";
    public Channel Channel { get; set; }
    public string CatalogVersion { get; set; } = "";
    public string DeceasedName { get; set; } = "";
    public string ApplicantName { get; set; } = "";
    /// <summary>UTC, like every instant duplicated into a timestamptz column (Api/Infrastructure/ReadModelSchema.cs).</summary>
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public List<string> Items { get; set; } = [];
    public List<string> Departments { get; set; } = [];
    public int ItemsTotal { get; set; }
    public int ItemsFinished { get; set; }
    public int ItemsRejected { get; set; }
    /// <summary>Deadlines of the items still in progress; the earliest decides whether the case is overdue.</summary>
    public Dictionary<string, DateTimeOffset> OpenItemDueAt { get; set; } = [];
    public DateTimeOffset? EarliestOpenDueAt { get; set; }
    public int CorrectionRounds { get; set; }
    public int Extensions { get; set; }
    public List<PlannedItem> PlannedItems { get; set; } = [];
    public List<PlannedMaterial> PlannedMaterials { get; set; } = [];
    public int? ActualWorkingDays { get; set; }
    public CompressionFigures Compression { get; set; } = null!;
    // Flat copies for the report's SQL.
    public int MaterialsSeparately { get; set; }
    public int MaterialsHandedIn { get; set; }
    public int TimeSeparatelyWorkingDays { get; set; }
    public bool MeetsTarget { get; set; }

    public static CaseSummary Create(CaseSubmitted e)
    {
        var summary = new CaseSummary
        {
            Id = e.CaseId, CaseNumber = e.CaseNumber, Status = CaseStatus.Submitted, RegionCode = e.RegionCode,
            Channel = e.Channel, CatalogVersion = e.CatalogVersion, DeceasedName = e.Deceased.Name,
            ApplicantName = e.Applicant.Name, SubmittedAt = e.At.ToUniversalTime(), Items = e.Items.Select(i => i.Code).ToList(),
            Departments = e.Items.Select(i => i.Department).Distinct().ToList(), ItemsTotal = e.Items.Count,
            PlannedItems = [.. e.Items], PlannedMaterials = [.. e.Materials],
        };
        summary.Refigure(null);
        return summary;
    }

    public void Apply(MaterialRoutedToManualVerification e)
    {
        var i = PlannedMaterials.FindIndex(m => m.Code == e.MaterialCode);
        PlannedMaterials[i] = PlannedMaterials[i] with { HandIn = true, Source = MaterialSource.Applicant, Registry = null };
        Refigure(null);
    }

    public void Apply(CorrectionRequested e) { Status = CaseStatus.AwaitingCorrection; CorrectionRounds = e.Round; }
    public void Apply(SupplementsReceived _) => Status = CaseStatus.Submitted;
    public void Apply(CaseAccepted e) { Status = CaseStatus.Accepted; DueAt = e.DueAt; }
    public void Apply(ItemTransferred e) => SetOpen(e.ItemCode, e.DueAt);

    public void Apply(ItemDeadlineExtended e)
    {
        Extensions++;
        DueAt = e.CaseDueAt;
        SetOpen(e.ItemCode, e.DueAt);
    }

    public void Apply(MaterialSuppliedOtherwise e) => DueAt = e.CaseDueAt ?? DueAt;
    public void Apply(ItemRejected e) { ItemsRejected++; Finish(e.ItemCode); }
    public void Apply(ItemIssued e) => Finish(e.ItemCode);
    public void Apply(CaseReadyForDelivery _) => Status = CaseStatus.ReadyForDelivery;

    public void Apply(CaseDelivered e)
    {
        Status = CaseStatus.Delivered;
        DeliveredAt = e.At.ToUniversalTime();
        ActualWorkingDays = e.ActualWorkingDays;
        Refigure(e.Method);
    }

    public void Apply(CaseWithdrawn _)
    {
        Status = CaseStatus.Withdrawn;
        OpenItemDueAt.Clear();
        EarliestOpenDueAt = null;
    }

    private void SetOpen(string item, DateTimeOffset dueAt)
    {
        OpenItemDueAt[item] = dueAt;
        EarliestOpenDueAt = OpenItemDueAt.Values.Min();
    }

    private void Finish(string item)
    {
        ItemsFinished++;
        OpenItemDueAt.Remove(item);
        EarliestOpenDueAt = OpenItemDueAt.Count == 0 ? null : OpenItemDueAt.Values.Min();
    }

    private void Refigure(DeliveryMethod? delivery)
    {
        Compression = CompressionFigures.For(PlannedItems, PlannedMaterials,
            CompressionFigures.CountVisits(Channel, PlannedMaterials, delivery), ActualWorkingDays);
        MaterialsSeparately = Compression.Materials.Separately;
        MaterialsHandedIn = Compression.Materials.HandedIn;
        TimeSeparatelyWorkingDays = Compression.Time.SeparatelyWorkingDays;
        MeetsTarget = Compression.MeetsTarget;
    }
}

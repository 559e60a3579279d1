namespace ShenHou.Domain.Cases;

/// <summary>
/// The write model: only what the decisions need. Rebuilt from the case's events; read models live
/// in ShenHou.Projections.
/// </summary>
public sealed class Case
{
    public Guid Id { get; set; }
    public string CaseNumber { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public CaseStatus Status { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    /// <summary>When each correction round started and ended: the case's clock stops in between.</summary>
    public List<(DateTimeOffset From, DateTimeOffset? To)> ApplicantWaits { get; set; } = [];
    public Dictionary<string, CaseItem> Items { get; set; } = new();
    public Dictionary<string, CaseMaterial> Materials { get; set; } = new();
    /// <summary>Materials the case would produce that were obtained another way.</summary>
    public HashSet<string> SuppliedOtherwise { get; set; } = [];
    /// <summary>The open correction round's number and materials, while the case awaits the applicant.</summary>
    public int CorrectionRounds { get; set; }
    public IReadOnlyList<string> AwaitedMaterials { get; set; } = [];

    public static Case Create(CaseSubmitted e) => new()
    {
        Id = e.CaseId,
        CaseNumber = e.CaseNumber,
        RegionCode = e.RegionCode,
        Status = CaseStatus.Submitted,
        SubmittedAt = e.At,
        Items = e.Items.ToDictionary(i => i.Code, i => new CaseItem
        {
            Department = i.Department, TimeLimitWorkingDays = i.TimeLimitWorkingDays, Requires = i.Requires,
            Produces = i.Produces, WaitingFor = i.WaitingFor,
        }),
        Materials = e.Materials.ToDictionary(
            m => m.Code,
            m => new CaseMaterial(m.HandIn, m.Source == MaterialSource.ProducedInCase ? MaterialStatus.NotRequired : MaterialStatus.Required)),
    };

    /// <summary>
    /// The items this one still waits for: those producing a material it needs that was not
    /// obtained another way. A plan that does not say what an item produces keeps the whole wait.
    /// </summary>
    public IEnumerable<string> Blocking(string item)
    {
        var needs = Items[item].Requires.Except(SuppliedOtherwise).ToArray();
        return Items[item].WaitingFor.Where(p => Items[p].Produces is not { } produces || produces.Any(needs.Contains));
    }

    public void Apply(MaterialRoutedToManualVerification e) =>
        Materials[e.MaterialCode] = new CaseMaterial(HandIn: true, MaterialStatus.Required);

    public void Apply(CorrectionRequested e)
    {
        Status = CaseStatus.AwaitingCorrection;
        CorrectionRounds = e.Round;
        ApplicantWaits.Add((e.At, null));
        AwaitedMaterials = e.Materials.Select(m => m.MaterialCode).ToArray();
        foreach (var m in e.Materials)
            Materials[m.MaterialCode] = Materials[m.MaterialCode] with { Status = MaterialStatus.Rejected };
    }

    public void Apply(SupplementsReceived e)
    {
        Status = CaseStatus.Submitted;
        AwaitedMaterials = [];
        ApplicantWaits[^1] = (ApplicantWaits[^1].From, e.At);
        foreach (var code in e.Materials)
            Materials[code] = Materials[code] with { Status = MaterialStatus.Required };
    }

    public void Apply(MaterialVerified e) =>
        Materials[e.MaterialCode] = Materials[e.MaterialCode] with
        {
            Status = e.Passed ? MaterialStatus.Verified : MaterialStatus.Rejected,
        };

    public void Apply(CaseAccepted e)
    {
        Status = CaseStatus.Accepted;
        AcceptedAt = e.At;
        foreach (var item in Items.Values) item.Status = ItemStatus.Waiting;
    }

    public void Apply(ItemTransferred e)
    {
        var item = Items[e.ItemCode];
        item.Status = ItemStatus.Transferred;
        item.TransferredAt = e.At;
        item.DueAt = e.DueAt;
    }

    public void Apply(ItemClaimed e) => Items[e.ItemCode].ClaimedBy = e.Reviewer;
    public void Apply(ItemReleased e) => Items[e.ItemCode].ClaimedBy = null;
    public void Apply(ItemDeadlineApproaching e) => Items[e.ItemCode].WarnedFor = e.DueAt;
    public void Apply(ItemOverdue e) => Items[e.ItemCode].OverdueFor = e.DueAt;

    public void Apply(ItemDeadlineExtended e)
    {
        var item = Items[e.ItemCode];
        item.ExtraWorkingDays += e.ExtraWorkingDays;
        item.DueAt = e.DueAt;
    }

    public void Apply(MaterialSuppliedOtherwise e) => SuppliedOtherwise.Add(e.MaterialCode);
    public void Apply(ItemApproved e) => Items[e.ItemCode].Status = ItemStatus.Approved;
    public void Apply(ItemRejected e) => Finish(e.ItemCode, ItemStatus.Rejected);
    public void Apply(ItemIssued e) => Finish(e.ItemCode, ItemStatus.Issued);
    public void Apply(CaseReadyForDelivery _) => Status = CaseStatus.ReadyForDelivery;
    public void Apply(CaseDelivered _) => Status = CaseStatus.Delivered;
    public void Apply(CaseWithdrawn _) => Status = CaseStatus.Withdrawn;

    private void Finish(string code, ItemStatus status)
    {
        Items[code].Status = status;
        Items[code].ClaimedBy = null;
    }
}

public sealed class CaseItem
{
    public ItemStatus Status { get; set; } = ItemStatus.Pending;
    public string Department { get; set; } = "";
    public int TimeLimitWorkingDays { get; set; }
    public int ExtraWorkingDays { get; set; }
    public IReadOnlyList<string> Requires { get; set; } = [];
    /// <summary>Null for plans recorded before items said what they produce.</summary>
    public IReadOnlyList<string>? Produces { get; set; }
    public IReadOnlyList<string> WaitingFor { get; set; } = [];
    public DateTimeOffset? TransferredAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public string? ClaimedBy { get; set; }
    /// <summary>The deadline for which "approaching" / "overdue" was already recorded.</summary>
    public DateTimeOffset? WarnedFor { get; set; }
    public DateTimeOffset? OverdueFor { get; set; }

    public bool IsFinal => Status is ItemStatus.Issued or ItemStatus.Rejected;
    public bool InProgress => Status is ItemStatus.Transferred or ItemStatus.Approved;
}

public sealed record CaseMaterial(bool HandIn, MaterialStatus Status);

namespace ShenHou.Domain.Cases;

/// <summary>
/// The write model: only what the decisions need. Rebuilt from the case's events; read models live
/// in ShenHou.Projections.
/// </summary>
public sealed class Case
{
    public Guid Id { get; set; }
    public CaseStatus Status { get; set; }
    public Dictionary<string, CaseItem> Items { get; set; } = new();
    public Dictionary<string, CaseMaterial> Materials { get; set; } = new();
    /// <summary>The open correction round's number and materials, while the case awaits the applicant.</summary>
    public int CorrectionRounds { get; set; }
    public IReadOnlyList<string> AwaitedMaterials { get; set; } = [];

    public static Case Create(CaseSubmitted e) => new()
    {
        Id = e.CaseId,
        Status = CaseStatus.Submitted,
        Items = e.Items.ToDictionary(i => i.Code, i => new CaseItem(ItemStatus.Pending, i.Department, i.WaitingFor)),
        Materials = e.Materials.ToDictionary(
            m => m.Code,
            m => new CaseMaterial(m.HandIn, m.Source == MaterialSource.ProducedInCase ? MaterialStatus.NotRequired : MaterialStatus.Required)),
    };

    public void Apply(MaterialRoutedToManualVerification e) =>
        Materials[e.MaterialCode] = new CaseMaterial(HandIn: true, MaterialStatus.Required);

    public void Apply(CorrectionRequested e)
    {
        Status = CaseStatus.AwaitingCorrection;
        CorrectionRounds = e.Round;
        AwaitedMaterials = e.Materials.Select(m => m.MaterialCode).ToArray();
        foreach (var m in e.Materials)
            Materials[m.MaterialCode] = Materials[m.MaterialCode] with { Status = MaterialStatus.Rejected };
    }

    public void Apply(SupplementsReceived e)
    {
        Status = CaseStatus.Submitted;
        AwaitedMaterials = [];
        foreach (var code in e.Materials)
            Materials[code] = Materials[code] with { Status = MaterialStatus.Required };
    }

    public void Apply(MaterialVerified e) =>
        Materials[e.MaterialCode] = Materials[e.MaterialCode] with
        {
            Status = e.Passed ? MaterialStatus.Verified : MaterialStatus.Rejected,
        };

    public void Apply(CaseAccepted _)
    {
        Status = CaseStatus.Accepted;
        foreach (var code in Items.Keys.ToArray())
            Items[code] = Items[code] with { Status = ItemStatus.Waiting };
    }

    public void Apply(ItemTransferred e) => SetItem(e.ItemCode, ItemStatus.Transferred);
    public void Apply(ItemApproved e) => SetItem(e.ItemCode, ItemStatus.Approved);
    public void Apply(ItemRejected e) => SetItem(e.ItemCode, ItemStatus.Rejected);
    public void Apply(ItemIssued e) => SetItem(e.ItemCode, ItemStatus.Issued);
    public void Apply(CaseReadyForDelivery _) => Status = CaseStatus.ReadyForDelivery;
    public void Apply(CaseDelivered _) => Status = CaseStatus.Delivered;
    public void Apply(CaseWithdrawn _) => Status = CaseStatus.Withdrawn;

    private void SetItem(string code, ItemStatus status) => Items[code] = Items[code] with { Status = status };
}

public sealed record CaseItem(ItemStatus Status, string Department, IReadOnlyList<string> WaitingFor)
{
    public bool IsFinal => Status is ItemStatus.Issued or ItemStatus.Rejected;
}

public sealed record CaseMaterial(bool HandIn, MaterialStatus Status);

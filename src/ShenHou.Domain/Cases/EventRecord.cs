using ShenHou.Domain.Catalog;

namespace ShenHou.Domain.Cases;

/// <summary>What the legal record says about an event beyond its fields: why, and on what basis.</summary>
public static class EventRecord
{
    /// <summary>The reason the event gives (a rejection, a correction, an extension, …), if any.</summary>
    public static string? ReasonOf(ICaseEvent e) => e switch
    {
        MaterialVerified v => v.Reason,
        ItemApproved a => a.Reason,
        ItemRejected r => r.Reason,
        CaseWithdrawn w => w.Reason,
        MaterialRoutedToManualVerification m => m.Reason,
        CorrectionRequested c => string.Join("; ", c.Materials.Select(m => $"{m.MaterialCode}: {m.Reason}")),
        ItemDeadlineExtended x => x.Reason,
        MaterialSuppliedOtherwise o => o.Reason,
        _ => null,
    };

    /// <summary>The regulation a department's decision or issue rests on, from the catalog.</summary>
    public static string? LegalBasisOf(ICaseEvent e, ServiceCatalog catalog) => e switch
    {
        ItemApproved a => Basis(catalog, a.ItemCode),
        ItemRejected r => Basis(catalog, r.ItemCode),
        ItemIssued i => Basis(catalog, i.ItemCode),
        _ => null,
    };

    private static string? Basis(ServiceCatalog catalog, string itemCode) =>
        catalog.HasItem(itemCode) ? catalog.Item(itemCode).LegalBasis : null;
}

using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;
using ShenHou.Domain.Compression;

namespace ShenHou.Domain.Intake;

public sealed record NoticeItem(
    string Code, string Name, string NameEn, string Department, string DepartmentName,
    int TimeLimitWorkingDays, IReadOnlyList<string> WaitingFor, bool Assumption);

/// <param name="Registry">For <c>SharedData</c>: the registry that vouches for it.</param>
public sealed record NoticeMaterial(
    string Code, string Name, string NameEn, IReadOnlyList<string> RequiredBy, bool HandIn, MaterialSource Source,
    IReadOnlyList<string> OriginalRequiredFor, bool OfflineOnly, string? Registry);

/// <summary>一次告知: everything a family needs to know for a combination of items, in one place.</summary>
public sealed record Notice(
    string CatalogVersion, Channel Channel, IReadOnlyList<NoticeItem> Items, IReadOnlyList<NoticeMaterial> Materials,
    CompressionFigures Compression)
{
    /// <summary>
    /// Built from the same planning a submission uses, so what the notice promises is what a case of
    /// these items will ask for (a registry that cannot vouch moves its material to the window).
    /// </summary>
    public static Notice For(ServiceCatalog catalog, IReadOnlyList<string> items, Channel channel)
    {
        var plannedItems = CasePlanning.PlanItems(catalog, items);
        var plannedMaterials = CasePlanning.PlanMaterials(catalog, items);
        return new Notice(
            catalog.Version,
            channel,
            plannedItems.Select(p =>
            {
                var item = catalog.Item(p.Code);
                return new NoticeItem(p.Code, item.Name, item.NameEn, p.Department, catalog.Department(p.Department).Name,
                    p.TimeLimitWorkingDays, p.WaitingFor, item.Assumption);
            }).ToArray(),
            plannedMaterials.Select(p =>
            {
                var material = catalog.Material(p.Code);
                return new NoticeMaterial(p.Code, material.Name, material.NameEn, p.RequiredBy, p.HandIn, p.Source,
                    p.OriginalRequiredFor, p.OfflineOnly, p.Registry);
            }).ToArray(),
            CompressionFigures.For(plannedItems, plannedMaterials,
                CompressionFigures.CountVisits(channel, plannedMaterials, delivery: null)));
    }
}

using ShenHou.Domain.Catalog;

namespace ShenHou.Domain.Cases;

/// <summary>Derives a case's items and materials from the catalog for a chosen combination of items.</summary>
public static class CasePlanning
{
    public static IReadOnlyList<PlannedItem> PlanItems(ServiceCatalog catalog, IReadOnlyList<string> chosen) =>
        chosen.Select(code =>
        {
            var item = catalog.Item(code);
            return new PlannedItem(code, item.Department, item.TimeLimitWorkingDays, item.Requires,
                catalog.WaitingFor(code, chosen), item.Produces);
        }).ToArray();

    /// <summary>
    /// The distinct materials of the combination, in catalog order. A material some chosen item
    /// produces is not handed in: the item needing it waits for the producer instead. A material a
    /// registry can vouch for is not handed in either, unless a chosen item needs the original.
    /// </summary>
    public static IReadOnlyList<PlannedMaterial> PlanMaterials(ServiceCatalog catalog, IReadOnlyList<string> chosen)
    {
        var produced = catalog.ProducedWithin(chosen);
        return catalog.Materials
            .Select(material => (material, requiredBy: chosen
                .Where(c => catalog.Item(c).Requires.Contains(material.Code)).ToArray()))
            .Where(x => x.requiredBy.Length > 0)
            .Select(x =>
            {
                var originals = x.material.OriginalRequiredFor.Where(chosen.Contains).ToArray();
                var source = produced.Contains(x.material.Code) ? MaterialSource.ProducedInCase
                    : x.material.Sharing is not null && originals.Length == 0 ? MaterialSource.SharedData
                    : MaterialSource.Applicant;
                return new PlannedMaterial(
                    x.material.Code,
                    x.requiredBy,
                    HandIn: source == MaterialSource.Applicant,
                    source,
                    originals,
                    x.material.OfflineOnly,
                    source == MaterialSource.SharedData ? x.material.Sharing!.Registry : null);
            })
            .ToArray();
    }
}

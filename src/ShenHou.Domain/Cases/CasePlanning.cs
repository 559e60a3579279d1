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
                catalog.WaitingFor(code, chosen));
        }).ToArray();

    /// <summary>
    /// The distinct materials of the combination, in catalog order. A material some chosen item
    /// produces is not handed in: the item needing it waits for the producer instead.
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
                var inCase = produced.Contains(x.material.Code);
                return new PlannedMaterial(
                    x.material.Code,
                    x.requiredBy,
                    HandIn: !inCase,
                    inCase ? MaterialSource.ProducedInCase : MaterialSource.Applicant,
                    x.material.OriginalRequiredFor.Where(chosen.Contains).ToArray(),
                    x.material.OfflineOnly);
            })
            .ToArray();
    }
}

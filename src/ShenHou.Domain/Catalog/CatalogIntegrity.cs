namespace ShenHou.Domain.Catalog;

/// <summary>Refuses a catalog whose references dangle or whose waiting order has a cycle.</summary>
internal static class CatalogIntegrity
{
    public static void CheckUniqueCodes(CatalogData data)
    {
        var repeated = data.Items.Select(i => i.Code)
            .Concat(data.Materials.Select(m => m.Code))
            .Concat(data.Departments.Select(d => d.Code))
            .Concat(data.Regions.Select(r => r.Code))
            .GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (repeated.Length > 0)
            throw new InvalidOperationException(
                $"catalog {data.Version} is inconsistent: codes used twice: {string.Join(", ", repeated)}");
    }

    public static void Check(ServiceCatalog catalog)
    {
        var problems = new List<string>();
        foreach (var item in catalog.Items)
        {
            if (!catalog.HasDepartment(item.Department))
                problems.Add($"item {item.Code}: unknown department {item.Department}");
            if (item.TimeLimitWorkingDays < 1)
                problems.Add($"item {item.Code}: a time limit is at least one working day");
            foreach (var m in item.Requires.Concat(item.Produces).Where(m => !catalog.HasMaterial(m)))
                problems.Add($"item {item.Code}: unknown material {m}");
        }
        foreach (var material in catalog.Materials)
            foreach (var i in material.OriginalRequiredFor.Where(i => !catalog.HasItem(i)))
                problems.Add($"material {material.Code}: unknown item {i}");

        var all = catalog.Items.Select(i => i.Code).ToArray();
        if (HasCycle(catalog, all))
            problems.Add("the waiting order derived from requires/produces has a cycle");

        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"catalog {catalog.Version} is inconsistent: {string.Join("; ", problems)}");
    }

    private static bool HasCycle(ServiceCatalog catalog, IReadOnlyCollection<string> all)
    {
        var state = new Dictionary<string, int>(); // 1 = visiting, 2 = done
        bool Visit(string code)
        {
            if (state.TryGetValue(code, out var s)) return s == 1;
            state[code] = 1;
            if (catalog.WaitingFor(code, all).Any(Visit)) return true;
            state[code] = 2;
            return false;
        }
        return all.Any(Visit);
    }
}

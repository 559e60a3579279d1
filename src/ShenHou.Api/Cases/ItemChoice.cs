using ShenHou.Domain.Catalog;

namespace ShenHou.Api.Cases;

/// <summary>按需组合: the rules for a chosen combination of items, shared by the notice and the form.</summary>
internal static class ItemChoice
{
    /// <returns>The valid, distinct codes, in the order given.</returns>
    public static IReadOnlyList<string> Check(ServiceCatalog catalog, List<string?>? items, Action<string, string> fail)
    {
        if (items is null || items.Count == 0)
        {
            fail("items", "至少选择一个事项 / choose at least one item");
            return [];
        }
        var seen = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var code = items[i];
            if (string.IsNullOrWhiteSpace(code)) fail($"items[{i}]", "必填 / required");
            else if (!catalog.HasItem(code)) fail($"items[{i}]", $"未知的事项代码 {code} / unknown item code (see GET /api/catalog)");
            else if (seen.Contains(code)) fail($"items[{i}]", $"事项 {code} 重复 / item {code} is listed twice");
            else seen.Add(code);
        }
        return seen;
    }
}

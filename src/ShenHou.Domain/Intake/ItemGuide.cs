using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;

namespace ShenHou.Domain.Intake;

/// <summary>
/// A plain-language guide to one item for window staff and the 12345 hotline. It is the notice for
/// that item alone plus sentences written from it, so guide, notice and hotline never disagree.
/// </summary>
public sealed record ItemGuide(
    string Code, string Name, string NameEn, string Department, string DepartmentName, int TimeLimitWorkingDays,
    bool Assumption, string? AssumptionNote, IReadOnlyList<NoticeMaterial> Materials, IReadOnlyList<string> Produces,
    IReadOnlyList<string> WaitsForWhenCombinedWith, string Text, string TextEn)
{
    public static ItemGuide For(ServiceCatalog catalog, string code)
    {
        var item = catalog.Item(code);
        var notice = Notice.For(catalog, [code], Channel.Window);
        var producers = catalog.Items.Where(other => other.Code != code && other.Produces.Any(item.Requires.Contains))
            .Select(other => other.Code).ToArray();
        var department = catalog.Department(item.Department);
        var materials = notice.Materials;

        var zh = $"{item.Name}由{department.Name}办理，承诺时限{item.TimeLimitWorkingDays}个工作日。"
                 + $"需提交：{List(materials.Where(m => m.HandIn), m => m.Name + (m.OriginalRequiredFor.Count > 0 ? "（原件）" : "") + (m.OfflineOnly ? "（须窗口现场提交）" : ""), "、", "无")}。"
                 + (materials.Any(m => m.Source == MaterialSource.SharedData)
                     ? $"通过数据共享自动核验、无需提交：{List(materials.Where(m => m.Source == MaterialSource.SharedData), m => m.Name, "、", "")}。" : "")
                 + (producers.Length > 0
                     ? $"若同时申请{List(producers, p => catalog.Item(p).Name, "、", "")}，本事项在其办结后自动转办，相关材料无需提交。" : "");
        var en = $"{item.NameEn}: handled by {department.NameEn} within {item.TimeLimitWorkingDays} working day(s). "
                 + $"Hand in: {List(materials.Where(m => m.HandIn), m => m.NameEn + (m.OriginalRequiredFor.Count > 0 ? " (original)" : "") + (m.OfflineOnly ? " (at the window only)" : ""), "; ", "nothing")}. "
                 + (materials.Any(m => m.Source == MaterialSource.SharedData)
                     ? $"Verified through data sharing, not handed in: {List(materials.Where(m => m.Source == MaterialSource.SharedData), m => m.NameEn, "; ", "")}. " : "")
                 + (producers.Length > 0
                     ? $"Applied for together with {string.Join(", ", producers)}, it starts by itself once that is issued, and what it produces need not be handed in." : "");

        return new ItemGuide(code, item.Name, item.NameEn, item.Department, department.Name, item.TimeLimitWorkingDays,
            item.Assumption, item.AssumptionNote, materials, item.Produces, producers, zh, en.TrimEnd());
    }

    private static string List<T>(IEnumerable<T> values, Func<T, string> text, string separator, string none)
    {
        var parts = values.Select(text).ToArray();
        return parts.Length == 0 ? none : string.Join(separator, parts);
    }
}

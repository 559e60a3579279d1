using System.Globalization;
using System.Text;
using ShenHou.Domain.Compression;

namespace ShenHou.Api.Reports;

/// <summary>
/// A self-contained SVG bar chart of the material and time reductions per group (month by default),
/// with the 60% target line, axes, a legend and bilingual titles. Plain string building: no scripts,
/// no external fonts or images, so a browser opens it as it is.
/// </summary>
internal static class CompressionChartSvg
{
    private const int Width = 900, Left = 72, Right = 96, Top = 96, PlotHeight = 300;
    /// <summary>The y axis goes no lower than this; a bar below is cut off at the axis (its label tells the value).</summary>
    private const double Floor = -1.0;
    private const string MaterialColour = "#2f6fb3", TimeColour = "#e08a1e", TargetColour = "#c62828";
    private const string Font = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif";

    /// <summary>One slot on the x axis; a month without delivered cases has no group and no bars.</summary>
    public sealed record Slot(string Label, string FullName, CompressionGroup? Group);

    public static string Render(CompressionReport report, IReadOnlyList<Slot> slots, string groupingZh, string groupingEn)
    {
        // Long or many labels are slanted and need more room below the plot.
        var rotate = slots.Count > 8 || slots.Any(s => s.Label.Length > 7);
        var height = Top + PlotHeight + (rotate ? 100 : 44) + 58;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" font-family="{Font}" role="img" aria-labelledby="chart-title">""").Append('\n');
        svg.Append($"""<title id="chart-title">材料与时限压减率（按{groupingZh}） / Material and time reduction by {groupingEn}</title>""").Append('\n');
        svg.Append($"""<rect width="{Width}" height="{height}" fill="#ffffff"/>""").Append('\n');
        Text(svg, Width / 2.0, 30, $"材料与时限压减率（按{groupingZh}）", 20, "middle", weight: "bold");
        Text(svg, Width / 2.0, 52, $"Material and time reduction by {groupingEn}", 14, "middle", "#444");
        Text(svg, Width / 2.0, 72, Subtitle(report), 12, "middle", "#666");

        // The y scale: 0% (lower when a reduction is negative, but not below -100%) to 100%.
        var values = slots.Where(s => s.Group is not null)
            .SelectMany(s => new[] { s.Group!.Materials.Reduction, s.Group.Time.Reduction }).ToArray();
        var min = Math.Max(Floor, Math.Min(0, Math.Floor(values.DefaultIfEmpty(0).Min() * 5) / 5));
        const double max = 1.0;
        double plotTop = Top, plotBottom = Top + PlotHeight, plotLeft = Left, plotRight = Width - Right;
        double Y(double v) => plotBottom - (Math.Max(v, min) - min) / (max - min) * (plotBottom - plotTop);

        for (var k = 0; min + k * 0.2 <= max + 1e-9; k++)
        {
            var tick = Math.Round(min + k * 0.2, 6);
            var y = Y(tick);
            Line(svg, plotLeft, y, plotRight, y, tick == 0 ? "#555" : "#e3e3e3");
            Text(svg, plotLeft - 8, y + 4, Percent(tick), 12, "end", "#444");
        }
        Line(svg, plotLeft, plotTop, plotLeft, plotBottom, "#555");
        var axisTitleY = (plotTop + plotBottom) / 2;
        svg.Append(CultureInfo.InvariantCulture,
            $"""<text x="18" y="{axisTitleY:0.#}" font-size="12" fill="#444" text-anchor="middle" transform="rotate(-90 18 {axisTitleY:0.#})">压减率 / reduction</text>""").Append('\n');

        var n = Math.Max(slots.Count, 1);
        var slotWidth = (plotRight - plotLeft) / n;
        var barWidth = Math.Min(28, slotWidth * 0.32);
        var every = (int)Math.Ceiling(slots.Count / 24.0);
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var centre = plotLeft + slotWidth * (i + 0.5);
            if (slot.Group is { } g)
            {
                Bar(svg, centre - barWidth - 1, barWidth, Y(Math.Max(0, g.Materials.Reduction)), Y(Math.Min(0, g.Materials.Reduction)),
                    MaterialColour, $"{slot.FullName} 材料压减率 / materials {Percent(g.Materials.Reduction)} ({g.Materials.HandedIn}/{g.Materials.Separately})");
                Bar(svg, centre + 1, barWidth, Y(Math.Max(0, g.Time.Reduction)), Y(Math.Min(0, g.Time.Reduction)),
                    TimeColour, $"{slot.FullName} 时限压减率 / time {Percent(g.Time.Reduction)} ({g.Time.ActualWorkingDays}/{g.Time.SeparatelyWorkingDays})");
                if (slots.Count <= 12)
                {
                    Text(svg, centre - barWidth / 2 - 1, Y(Math.Max(0, g.Materials.Reduction)) - 4, Percent(g.Materials.Reduction), 10, "middle", MaterialColour);
                    Text(svg, centre + barWidth / 2 + 1, Y(Math.Max(0, g.Time.Reduction)) - 4, Percent(g.Time.Reduction), 10, "middle", TimeColour);
                }
            }
            if (i % every != 0) continue;
            var labelY = plotBottom + 18;
            if (rotate)
                svg.Append(CultureInfo.InvariantCulture,
                    $"""<text x="{centre:0.#}" y="{labelY:0.#}" font-size="11" fill="#333" text-anchor="end" transform="rotate(-35 {centre:0.#} {labelY:0.#})">{Escape(slot.Label)}<title>{Escape(slot.FullName)}</title></text>""").Append('\n');
            else
            {
                Text(svg, centre, labelY, slot.Label, 12, "middle", "#333");
                Text(svg, centre, labelY + 16, slot.Group is { } c ? $"{c.Cases}件" : "0件", 10, "middle", "#777");
            }
        }

        // The target line over the bars, so that it stays visible.
        var target = Y(CompressionFigures.Target);
        svg.Append(CultureInfo.InvariantCulture,
            $"""<line id="target-line" x1="{plotLeft:0.#}" y1="{target:0.#}" x2="{plotRight:0.#}" y2="{target:0.#}" stroke="{TargetColour}" stroke-width="2" stroke-dasharray="8 5"/>""").Append('\n');
        Text(svg, plotRight + 6, target - 2, "目标 60%", 12, "start", TargetColour);
        Text(svg, plotRight + 6, target + 12, "target", 11, "start", TargetColour);
        if (slots.All(s => s.Group is null))
            Text(svg, (plotLeft + plotRight) / 2, (plotTop + plotBottom) / 2 + 40, "无已办结办件 / no delivered cases", 16, "middle", "#888");

        Legend(svg, plotLeft, height - 34);
        Text(svg, plotLeft, height - 12, "压减率 = 1 − 合并办理 ÷ 单独办理（材料件数、工作日），仅统计已办结办件 / " +
            "reduction = 1 − bundled ÷ separately (materials, working days), delivered cases only", 11, "start", "#777");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Subtitle(CompressionReport r)
    {
        var period = r.From is null && r.To is null ? "全部 / all"
            : $"{r.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} — {r.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}";
        var region = r.RegionCode is null ? "" : $" · {r.RegionCode}";
        return $"已办结 {r.Cases} 件（达标 {r.CasesMeetingTarget} 件）/ {r.Cases} delivered, {r.CasesMeetingTarget} meeting the target · " +
               $"材料 / materials {Percent(r.Materials.Reduction)} · 时限 / time {Percent(r.Time.Reduction)} · 交付日期 / delivered {period}{region}";
    }

    private static void Legend(StringBuilder svg, double x, double y)
    {
        void Swatch(double at, string colour, string label)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{at:0.#}" y="{y - 10:0.#}" width="14" height="12" fill="{colour}"/>""").Append('\n');
            Text(svg, at + 20, y, label, 12, "start", "#333");
        }
        Swatch(x, MaterialColour, "材料压减率 / material reduction");
        Swatch(x + 230, TimeColour, "时限压减率 / time reduction");
        svg.Append(CultureInfo.InvariantCulture,
            $"""<line x1="{x + 440:0.#}" y1="{y - 4:0.#}" x2="{x + 470:0.#}" y2="{y - 4:0.#}" stroke="{TargetColour}" stroke-width="2" stroke-dasharray="8 5"/>""").Append('\n');
        Text(svg, x + 476, y, "目标 60% / target (both)", 12, "start", TargetColour);
    }

    private static void Bar(StringBuilder svg, double x, double width, double top, double bottom, string colour, string title) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"""<rect x="{x:0.#}" y="{top:0.#}" width="{width:0.#}" height="{Math.Max(bottom - top, 0.5):0.#}" fill="{colour}"><title>{Escape(title)}</title></rect>""").Append('\n');

    private static void Line(StringBuilder svg, double x1, double y1, double x2, double y2, string colour) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"""<line x1="{x1:0.#}" y1="{y1:0.#}" x2="{x2:0.#}" y2="{y2:0.#}" stroke="{colour}" stroke-width="1"/>""").Append('\n');

    private static void Text(StringBuilder svg, double x, double y, string text, int size, string anchor,
        string colour = "#222", string weight = "normal") =>
        svg.Append(CultureInfo.InvariantCulture,
            $"""<text x="{x:0.#}" y="{y:0.#}" font-size="{size}" fill="{colour}" text-anchor="{anchor}" font-weight="{weight}">{Escape(text)}</text>""").Append('\n');

    private static string Percent(double fraction) => (Math.Round(fraction * 100, 1) + 0.0).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}

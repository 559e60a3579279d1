using System.Globalization;
using System.Text;

namespace ShenHou.Api.Reports;

/// <summary>
/// The report as CSV (RFC 4180, CRLF, UTF-8 with a byte order mark so that Excel shows Chinese):
/// a bilingual header, one row per group, then a total row keyed <c>TOTAL</c>. Reductions are
/// fractions as in the JSON (0.806 = 80.6%).
/// </summary>
internal static class CompressionCsv
{
    public const string ContentType = "text/csv";
    public const string TotalKey = "TOTAL";

    public static readonly string[] Header =
    [
        "分组/key", "名称/name", "办件数/cases", "达标办件数/casesMeetingTarget",
        "单独办理材料数/materialsSeparately", "实际提交材料数/materialsHandedIn", "材料压减率/materialsReduction",
        "单独办理工作日/timeSeparatelyWorkingDays", "实际办理工作日/timeActualWorkingDays", "时限压减率/timeReduction",
        "延期次数/extensions", "补正轮次/correctionRounds",
    ];

    public static byte[] Write(CompressionReport report)
    {
        var text = new StringBuilder();
        Line(text, Header);
        foreach (var g in report.Groups)
            Line(text, Row(g.Key, g.Name, g.Cases, g.CasesMeetingTarget, g.Materials, g.Time, g.Extensions, g.CorrectionRounds));
        Line(text, Row(TotalKey, "合计/total", report.Cases, report.CasesMeetingTarget, report.Materials, report.Time,
            report.Extensions, report.CorrectionRounds));
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. utf8.GetPreamble(), .. utf8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// True when the client prefers CSV: <c>text/csv</c> is acceptable (q &gt; 0) and no JSON type
    /// is preferred over it. Anything else gets JSON.
    /// </summary>
    public static bool Wanted(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        double Quality(Func<string, bool> match) => accept
            .Where(a => match(a.MediaType.Value ?? ""))
            .Select(a => a.Quality ?? 1.0).DefaultIfEmpty(-1).Max();
        var csv = Quality(t => t.Equals(ContentType, StringComparison.OrdinalIgnoreCase));
        var json = Quality(t => t.EndsWith("json", StringComparison.OrdinalIgnoreCase));
        return csv > 0 && csv >= json;
    }

    private static string[] Row(string key, string name, long cases, long meeting, MaterialTotals m, TimeTotals t,
        long extensions, long corrections) =>
    [
        Text(key), Text(name), Number(cases), Number(meeting), Number(m.Separately), Number(m.HandedIn), Fraction(m.Reduction),
        Number(t.SeparatelyWorkingDays), Number(t.ActualWorkingDays), Fraction(t.Reduction), Number(extensions), Number(corrections),
    ];

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Fraction(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(Escape));
        text.Append("\r\n");
    }

    /// <summary>Text that a spreadsheet would take for a formula (leading =, +, - or @) is defused.</summary>
    private static string Text(string value) => value.Length > 0 && "=+-@".Contains(value[0]) ? "'" + value : value;

    /// <summary>Quotes a field with a comma, quote or line break.</summary>
    private static string Escape(string field) => field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}

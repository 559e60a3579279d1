using System.Text;
using System.Xml.Linq;
using Alba;
using ShenHou.Api.Reports;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Reports;

/// <summary>The report as CSV (Accept: text/csv) and as an SVG chart.</summary>
public sealed class CompressionCsvAndChartTests(AppFixture app) : ReportTest(app)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Lanzhou, delivered in November: 6 vs 3, 2 vs 1. Jiayuguan, delivered in December: 11 vs 3, 7 vs 1.</summary>
    private async Task TwoMonths()
    {
        var x = await Accepted("620100", Beijing(2026, 11, 30), ["DEATH_CERT", "CREMATION_CERT"]);
        await WorkAll(x);
        var y = await Accepted("620200", Beijing(2026, 11, 30, 11), ["DEATH_CERT", "HUKOU_CANCEL", "WILL_NOTARY_CHECK"]);
        await WorkAll(y);
        App.Clock.Now = Beijing(2026, 11, 30, 23, 30);
        await Api.Deliver(x);
        App.Clock.Now = Beijing(2026, 12, 1, 0, 30);
        await Api.Deliver(y);
        await Projected();
    }

    private async Task<IScenarioResult> Get(string url, string? accept = null) => await Host.Scenario(s =>
    {
        s.Get.Url(url);
        s.As(Staff.Supervisor());
        if (accept is not null) s.WithRequestHeader("Accept", accept);
        s.StatusCodeShouldBe(200);
    });

    [Fact]
    public async Task csv_has_a_bom_a_header_a_row_per_group_and_a_total()
    {
        await TwoMonths();
        var result = await Get("/api/reports/compression?groupBy=region&from=2026-11-01", "text/csv");
        Assert.Equal("text/csv; charset=utf-8", result.Context.Response.ContentType);
        Assert.Contains("attachment", result.Context.Response.Headers.ContentDisposition.ToString());
        Assert.Contains("Accept", result.Context.Response.Headers.Vary.ToString());

        var bytes = ((MemoryStream)result.Context.Response.Body).ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = new UTF8Encoding(false).GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("", lines[^1]); // every line ends with CRLF
        var rows = lines[..^1].Select(l => l.Split(',')).ToArray();
        Assert.Equal(CompressionCsv.Header, rows[0]);
        Assert.Equal("分组/key", rows[0][0]);
        Assert.Equal(["620100", "兰州市", "1", "0", "6", "3", "0.5", "2", "1", "0.5", "0", "0"], rows[1]);
        Assert.Equal(["620200", "嘉峪关市", "1", "1", "11", "3", "0.727", "7", "1", "0.857", "0", "0"], rows[2]);
        // 1 - 6/17 = 0.647; 1 - 2/9 = 0.778.
        Assert.Equal(["TOTAL", "合计/total", "2", "1", "17", "6", "0.647", "9", "2", "0.778", "0", "0"], rows[3]);
        Assert.Equal(4, rows.Length);

        // Without groupBy: the header and the total only. By item: the names, in catalog order.
        var total = Encoding.UTF8.GetString(((MemoryStream)(await Get("/api/reports/compression", "text/csv")).Context.Response.Body).ToArray());
        Assert.Equal(3, total.Split("\r\n").Length);
        var byItem = Encoding.UTF8.GetString(((MemoryStream)(await Get("/api/reports/compression?groupBy=item", "text/csv")).Context.Response.Body).ToArray());
        Assert.Contains("\r\nWILL_NOTARY_CHECK,遗嘱公证信息核查,1,1,11,3,0.727,7,1,0.857,0,0\r\n", byItem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/json")]
    [InlineData("text/csv;q=0.5, application/json")]
    public async Task json_unless_csv_is_preferred(string? accept)
    {
        var result = await Get("/api/reports/compression", accept);
        Assert.StartsWith("application/json", result.Context.Response.ContentType);
        Assert.Equal(0, (await result.ReadAsJsonAsync<CompressionReport>())!.Cases);
    }

    [Fact]
    public async Task the_chart_is_an_svg_with_the_target_line_per_month()
    {
        await TwoMonths();
        var result = await Get("/api/reports/compression/chart.svg?from=2026-10-01&to=2026-12-31");
        Assert.Equal("image/svg+xml; charset=utf-8", result.Context.Response.ContentType);
        var text = result.ReadAsText();
        var svg = XDocument.Parse(text).Root!;
        Assert.Equal(Svg + "svg", svg.Name);

        var target = svg.Descendants(Svg + "line").Single(l => (string?)l.Attribute("id") == "target-line");
        Assert.Equal((string?)target.Attribute("y1"), (string?)target.Attribute("y2"));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Nodes().OfType<XText>().FirstOrDefault()?.Value ?? "").ToList();
        Assert.Contains("材料与时限压减率（按月份）", texts);
        Assert.Contains("Material and time reduction by month of delivery", texts);
        Assert.Contains("目标 60%", texts);
        Assert.Contains("target", texts);
        Assert.Contains(texts, t => t.StartsWith("材料压减率 / material reduction"));
        Assert.Contains(texts, t => t.StartsWith("时限压减率 / time reduction"));
        // Every month of the range, October empty; the 60% gridline sits where the target line is.
        Assert.Equal(["2026-10", "2026-11", "2026-12"], texts.Where(t => t.StartsWith("2026-")));
        Assert.Equal(["0件", "1件", "1件"], texts.Where(t => t.EndsWith('件')));
        var sixty = svg.Descendants(Svg + "text").Single(t => t.Value == "60%");
        Assert.Equal(double.Parse((string)target.Attribute("y1")!) + 4, double.Parse((string)sixty.Attribute("y")!), 1);
        var bars = svg.Descendants(Svg + "rect").Select(r => r.Element(Svg + "title")?.Value).OfType<string>().ToList();
        Assert.Equal(4, bars.Count);
        Assert.Contains("2026-11 材料压减率 / materials 50% (3/6)", bars);
        Assert.Contains("2026-12 时限压减率 / time 85.7% (1/7)", bars);
    }

    [Theory]
    [InlineData("?groupBy=item")]
    [InlineData("?groupBy=region&regionCode=620100")]
    [InlineData("?from=2026-01-01&to=2026-01-31")]
    public async Task other_charts_are_well_formed_too(string query)
    {
        await TwoMonths();
        var svg = XDocument.Parse((await Get($"/api/reports/compression/chart.svg{query}")).ReadAsText()).Root!;
        Assert.Single(svg.Descendants(Svg + "line"), l => (string?)l.Attribute("id") == "target-line");
    }
}

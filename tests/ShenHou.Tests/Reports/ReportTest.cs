using Alba;
using ShenHou.Api.Cases;
using ShenHou.Api.Reports;
using ShenHou.Domain.Cases;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Reports;

/// <summary>Cases driven through the real API to delivery at set times, then the reports read back.</summary>
public abstract class ReportTest(AppFixture app) : ApiTest(app)
{
    public static readonly string[] Annex2 =
    [
        "DEATH_CERT", "CREMATION_CERT", "HUKOU_CANCEL", "PENSION_ACCOUNT_LUMP_SUM", "PENSION_SURVIVOR_BENEFIT",
        "RESIDENT_PENSION_CANCEL", "MEDICAL_ACCOUNT_WITHDRAWAL", "HOUSING_FUND_WITHDRAWAL", "WILL_NOTARY_CHECK",
    ];

    /// <summary>Lanzhou time (+08:00).</summary>
    protected static DateTimeOffset Beijing(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// Submits at <paramref name="submitted"/>, then verifies, accepts and works every item at that
    /// time (after <paramref name="beforeAcceptance"/>, which may move the clock), and delivers at
    /// <paramref name="delivered"/>.
    /// </summary>
    protected async Task<Guid> Delivered(string region, DateTimeOffset submitted, DateTimeOffset delivered, string[] items,
        Func<Guid, Task>? beforeAcceptance = null, Func<Guid, Task>? whileWorking = null)
    {
        var id = await Accepted(region, submitted, items, beforeAcceptance);
        if (whileWorking is not null) await whileWorking(id);
        await WorkAll(id);
        App.Clock.Now = delivered;
        await Api.Deliver(id);
        return id;
    }

    protected async Task<Guid> Accepted(string region, DateTimeOffset submitted, string[] items, Func<Guid, Task>? beforeAcceptance = null)
    {
        App.Clock.Now = submitted;
        var id = (await Api.Submit(Forms.For(items) with { RegionCode = region })).Id;
        if (beforeAcceptance is not null) await beforeAcceptance(id);
        await Api.VerifyAll(id);
        await Api.Accept(id);
        return id;
    }

    /// <summary>Decides and issues whatever is transferred, round by round: items release in waiting order.</summary>
    protected async Task WorkAll(Guid id)
    {
        while ((await Api.Get(id)).Items.Where(i => i.Status == ItemStatus.Transferred).Select(i => i.Code).ToArray()
               is { Length: > 0 } transferred)
            foreach (var code in transferred)
            {
                await Api.Decide(id, code);
                await Api.Issue(id, code);
            }
    }

    protected Task<CaseVersion> RequestCorrection(Guid id, params (string Code, string Reason)[] materials) =>
        Api.Command($"/api/cases/{id}/correction-requests",
            new RequestCorrection(materials.Select(m => (DeficiencyForm?)new DeficiencyForm(m.Code, m.Reason)).ToList(), null));

    protected Task<CaseVersion> Supplement(Guid id, params string[] materials) =>
        Api.Command($"/api/cases/{id}/supplements", new ReceiveSupplements(materials.Select(m => (string?)m).ToList(), "已补交", null));

    protected async Task<CompressionReport> Report(string query = "")
    {
        await Projected();
        return (await new CaseApi(Host).GetAs<CompressionReport>($"/api/reports/compression{query}", Staff.Supervisor()));
    }

    protected async Task<CompressionMisses> Misses(string query = "")
    {
        await Projected();
        return (await new CaseApi(Host).GetAs<CompressionMisses>($"/api/reports/compression/misses{query}", Staff.Supervisor()));
    }

    protected static CompressionGroup Group(CompressionReport report, string key) => report.Groups.Single(g => g.Key == key);

    /// <summary>Cases, cases meeting the target, materials separately/handed in/reduction, days separately/actual/reduction.</summary>
    protected static void Figures(CompressionGroup g, long cases, long meeting, long mSep, long mIn, double mRed, long tSep, long tAct, double tRed)
    {
        Assert.Equal((cases, meeting), (g.Cases, g.CasesMeetingTarget));
        Assert.Equal(new MaterialTotals(mSep, mIn, mRed), g.Materials);
        Assert.Equal(new TimeTotals(tSep, tAct, tRed), g.Time);
    }

    protected static void Figures(CompressionReport r, long cases, long meeting, long mSep, long mIn, double mRed, long tSep, long tAct, double tRed)
    {
        Assert.Equal((cases, meeting, 0.6), (r.Cases, r.CasesMeetingTarget, r.Target));
        Assert.Equal(new MaterialTotals(mSep, mIn, mRed), r.Materials);
        Assert.Equal(new TimeTotals(tSep, tAct, tRed), r.Time);
    }
}

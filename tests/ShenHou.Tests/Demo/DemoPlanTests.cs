using ShenHou.Api.Cases;
using ShenHou.Api.Demo;
using ShenHou.Domain.Cases;
using ShenHou.Domain.Catalog;
using ShenHou.Domain.People;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Demo;

/// <summary>The demo plans on their own (no database): valid forms and realistic proportions.</summary>
public sealed class DemoPlanTests
{
    private static readonly ServiceCatalog Catalog = ServiceCatalog.LoadEmbedded();
    private static readonly TestClock Clock = new(AppFixture.Start);
    private const int Many = 2000;

    private static readonly Lazy<DemoCasePlan[]> Plans = new(() =>
    {
        using var http = new HttpClient();
        var filer = new DemoCaseFiler(http, Catalog, Clock, DemoSeeding.DefaultRandomSeed, new ShenHou.Api.Access.TokenIssuer(new()));
        return Enumerable.Range(0, Many).Select(filer.Plan).ToArray();
    });

    [Fact]
    public void every_form_passes_the_annex_1_rules()
    {
        foreach (var plan in Plans.Value)
        {
            var errors = new SubmitCaseRules(Catalog, Clock.GetUtcNow()).Check(plan.Form);
            Assert.True(errors.Count == 0,
                $"case #{plan.Index}: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");
        }
    }

    [Fact]
    public void the_mix_looks_like_gansu()
    {
        var plans = Plans.Value;
        Share(plans, p => p.Form.RegionCode == "620100", 0.2, 0.4);
        Assert.Equal(16, plans.Select(p => p.Form.RegionCode).Distinct().Count());
        Share(plans, p => p.Form.Deceased!.Ethnicity == "汉族", 0.75, 0.95);
        foreach (var minority in new[] { "回族", "藏族", "东乡族" })
            Assert.Contains(plans, p => p.Form.Deceased!.Ethnicity == minority);
        Assert.All(plans.Where(p => p.Form.Deceased!.Ethnicity == "藏族" && !p.KnownToRegistries),
            p => Assert.DoesNotContain(p.Form.Deceased!.Name![..1], "王李张刘"));

        Share(plans, p => p.Form.Items!.Count == 9 && p.Form.Items!.All(i => Catalog.Item(i!).Annex2), 0.05, 0.15);
        Share(plans, p => p.Form.Items!.SequenceEqual(["DEATH_CERT", "CREMATION_CERT", "HUKOU_CANCEL"]), 0.1, 0.3);
        Share(plans, p => p.Form.Channel == Channel.Window, 0.35, 0.6);
        Share(plans, p => p.Form.Channel == Channel.Assisted, 0.1, 0.35);
        Share(plans, p => p.Outcome is DemoOutcome.Delivered or DemoOutcome.DeliveredWithRejection or DemoOutcome.CorrectedThenDelivered, 0.55, 0.65);
        Share(plans, p => p.Outcome is DemoOutcome.WithdrawnAtIntake or DemoOutcome.WithdrawnInProgress, 0.05, 0.15);
        Assert.All(plans.Where(p => p.Outcome == DemoOutcome.DeliveredWithRejection), p => Assert.NotEmpty(p.Rejections));
    }

    [Fact]
    public void families_hang_together()
    {
        foreach (var plan in Plans.Value.Where(p => !p.KnownToRegistries))
        {
            var (dead, applicant) = (plan.Form.Deceased!, plan.Form.Applicant!);
            var deadBirth = CitizenId.Check(dead.IdNumber).Id!.Value.BirthDate.Year;
            var applicantBirth = CitizenId.Check(applicant.IdNumber).Id!.Value.BirthDate.Year;
            Assert.InRange(deadBirth, 1930, 1960);
            Assert.InRange(applicantBirth, 1955, 1995);
            if (applicant.Relationship == Relationship.Spouse) Assert.NotEqual(dead.Gender, applicant.Gender);
            if (applicant.Relationship is Relationship.Child or Relationship.Grandchild) Assert.True(applicantBirth > deadBirth);
            Assert.InRange(dead.DiedAt!.Value, Clock.GetUtcNow().AddDays(-43), Clock.GetUtcNow());
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:5392", "http://127.0.0.1:5392/")]
    [InlineData("https://localhost:7001|http://localhost:5080", "http://localhost:5080/")]
    [InlineData("http://0.0.0.0:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://[::]:5080", "http://[::1]:5080/")]
    [InlineData("https://localhost:7001", "https://localhost:7001/")]
    public void the_seeder_calls_the_service_on_its_own_address(string addresses, string expected) =>
        Assert.Equal(new Uri(expected), DemoSeeding.SelfAddress(addresses.Split('|')));

    [Fact]
    public void no_address_no_seeding() => Assert.Null(DemoSeeding.SelfAddress(["net.pipe://x"]));

    private static void Share(DemoCasePlan[] plans, Func<DemoCasePlan, bool> test, double min, double max) =>
        Assert.InRange(plans.Count(test) / (double)plans.Length, min, max);
}

using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Domain.People;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Intake;

/// <summary>材料自动核验 against the embedded registry simulators and their demo people.</summary>
public sealed class AutomaticVerificationTests(AppFixture app) : ApiTest(app)
{
    // Demo family: 李德明 died 2026-11-27; his son 李建国 applies.
    private static SubmitCase LiFamily(params string[] items) => Forms.For(items) with
    {
        Applicant = Forms.Applicant() with { Name = "李建国", Gender = Gender.Male, IdNumber = "62010219750903033x" },
        Deceased = Forms.Deceased() with
        {
            Name = "李德明", Gender = Gender.Male, IdNumber = "620102194805120133",
            DiedAt = new DateTimeOffset(2026, 11, 27, 3, 40, 0, TimeSpan.FromHours(8)),
        },
    };

    [Fact]
    public async Task materials_the_registries_vouch_for_are_verified_without_staff()
    {
        var created = await Api.Submit(LiFamily("PENSION_SURVIVOR_BENEFIT"));
        var details = await Api.Get(created.Id);

        var shared = details.Materials.Where(m => m.Source == MaterialSource.SharedData).ToArray();
        Assert.Equal(["APPLICANT_ID", "DECEASED_ID", "DEATH_CERTIFICATE", "DECEASED_SS_OR_BANK_CARD"], shared.Select(m => m.Code));
        Assert.All(shared, m =>
        {
            Assert.Equal(MaterialStatus.Verified, m.Status);
            Assert.False(m.HandIn);
            Assert.Equal(VerificationMethod.DataSharing, m.Verification!.Method);
            Assert.Equal(m.Registry, m.Verification.Registry);
        });
        Assert.Contains("620102202611270041", shared.Single(m => m.Code == "DEATH_CERTIFICATE").Verification!.Reason);
        Assert.Equal(["PENSION_FORMS"], details.Materials.Where(m => m.HandIn).Select(m => m.Code));
        Assert.Equal(1, details.Compression.Materials.HandedIn);

        var history = await Api.History(created.Id);
        var verified = history.Events.Where(e => e.Type == "MaterialVerified").ToArray();
        Assert.Equal(4, verified.Length);
        Assert.All(verified, e => Assert.Equal("DataSharing", e.Data.GetProperty("method").GetString()));
        Assert.Equal(["PopulationRegistry", "PopulationRegistry", "DeathRegistry", "SocialSecurity"], verified.Select(e => e.Actor));

        // Only the form is left for the window.
        await Api.Verify(created.Id, "PENSION_FORMS");
        await Api.Accept(created.Id);
    }

    [Fact]
    public async Task an_inactive_card_or_an_unknown_person_goes_to_the_window_visibly()
    {
        // 马桂兰's card was issued but never activated; 马文华 is her son.
        var created = await Api.Submit(Forms.For("PENSION_SURVIVOR_BENEFIT") with
        {
            Applicant = Forms.Applicant() with { Name = "马文华", IdNumber = "622901197806110570" },
            Deceased = Forms.Deceased() with
            {
                Name = "马桂兰", IdNumber = "622901195202200242",
                DiedAt = new DateTimeOffset(2026, 11, 15, 22, 10, 0, TimeSpan.FromHours(8)),
            },
        });
        var details = await Api.Get(created.Id);
        var card = details.Materials.Single(m => m.Code == "DECEASED_SS_OR_BANK_CARD");
        Assert.Equal((true, MaterialSource.Applicant, MaterialStatus.Required), (card.HandIn, card.Source, card.Status));
        Assert.Contains("not active", card.ManualVerificationReason);
        Assert.Equal(MaterialStatus.Verified, details.Materials.Single(m => m.Code == "DEATH_CERTIFICATE").Status);

        // The default test family is unknown to every registry: everything shared falls back.
        var unknown = await Api.Get((await Api.Submit(Forms.For("PENSION_SURVIVOR_BENEFIT"))).Id);
        Assert.All(unknown.Materials.Where(m => m.Registry is not null), m =>
        {
            Assert.True(m.HandIn);
            Assert.Contains("no record", m.ManualVerificationReason);
        });
    }

    [Fact]
    public async Task a_name_that_does_not_match_the_registry_is_not_vouched_for()
    {
        var created = await Api.Submit(LiFamily("PENSION_SURVIVOR_BENEFIT") with
        {
            Deceased = LiFamily().Deceased! with { Name = "李德民" },
        });
        var details = await Api.Get(created.Id);
        var deceasedId = details.Materials.Single(m => m.Code == "DECEASED_ID");
        Assert.True(deceasedId.HandIn);
        Assert.Contains("does not match", deceasedId.ManualVerificationReason);
        Assert.Equal(MaterialStatus.Verified, details.Materials.Single(m => m.Code == "APPLICANT_ID").Status);
    }
}

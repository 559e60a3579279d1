using Alba;
using Microsoft.AspNetCore.Http;
using ShenHou.Api.Cases;
using ShenHou.Domain.Cases;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Intake;

/// <summary>帮办代办: staff may file for a family, but only with the family's consent on record.</summary>
public sealed class AssistedFilingTests(AppFixture app) : ApiTest(app)
{
    private static SubmitCase Assisted(AssistanceForm? assistance) =>
        Forms.For("DEATH_CERT") with { Channel = Channel.Assisted, Assistance = assistance };

    [Fact]
    public async Task staff_filing_with_consent_is_recorded_on_the_case_and_its_history()
    {
        var created = await Api.Submit(Assisted(new AssistanceForm("window-620100-07", "李娜", "张伟", "授权委托书 620100-2026-000123")));

        var details = await Api.Get(created.Id);
        Assert.Equal(Channel.Assisted, details.Channel);
        Assert.Equal(new Assistance("window-620100-07", "李娜", "张伟", "授权委托书 620100-2026-000123"), details.Assistance);
        var submitted = (await Api.History(created.Id)).Events[0];
        Assert.Equal("window-620100-07", submitted.Data.GetProperty("assistance").GetProperty("staffId").GetString());
    }

    [Theory]
    [InlineData(null, null, null, "assistance")]
    [InlineData("window-620100-07", "张伟", "", "assistance.consentReference")]
    [InlineData("window-620100-07", null, "授权委托书 1", "assistance.onBehalfOf")]
    [InlineData(" ", "张伟", "授权委托书 1", "assistance.staffId")]
    public async Task staff_filing_without_who_for_whom_or_consent_is_refused(string? staff, string? onBehalfOf, string? consent, string field)
    {
        var assistance = staff is null && onBehalfOf is null && consent is null ? null : new AssistanceForm(staff, null, onBehalfOf, consent);
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Post.Json(Assisted(assistance)).ToUrl("/api/cases");
            s.StatusCodeShouldBe(400);
        });
        var problem = (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
        Assert.Contains(field, problem.Errors.Keys);
    }

    [Fact]
    public async Task assistance_is_refused_on_other_channels()
    {
        var result = await Host.Scenario(s =>
        {
            s.As(Staff.Window());
            s.Post.Json(Forms.For("DEATH_CERT") with { Assistance = new AssistanceForm("w", null, "张伟", "c") }).ToUrl("/api/cases");
            s.StatusCodeShouldBe(400);
        });
        var problem = (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
        Assert.Contains("only for channel Assisted", problem.Errors["assistance"][0]);
    }
}

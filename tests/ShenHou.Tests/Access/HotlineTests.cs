using Alba;
using ShenHou.Api.Intake;
using ShenHou.Tests.Support;

namespace ShenHou.Tests.Access;

/// <summary>The 12345 hotline finds a case by its number and the last four digits of the applicant's phone.</summary>
public sealed class HotlineTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task the_right_pair_gives_progress_and_no_personal_data()
    {
        var id = await Api.SubmitAndAccept(Forms.For("DEATH_CERT", "HUKOU_CANCEL"));
        var number = (await Api.Get(id)).CaseNumber;
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/status?caseNumber={number}&phoneLast4=8000");
            s.As(Staff.Hotline());
            s.StatusCodeShouldBe(200);
        });
        var text = await result.ReadAsTextAsync();
        var answer = (await result.ReadAsJsonAsync<CaseStatusAnswer>())!;
        Assert.Equal(number, answer.CaseNumber);
        Assert.Equal(["DEATH_CERT", "HUKOU_CANCEL"], answer.Items.Select(i => i.Code));
        Assert.DoesNotContain("张伟", text);
        Assert.DoesNotContain(Forms.ApplicantId, text);
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("0000")]
    public async Task a_wrong_pair_is_the_same_404_as_an_unknown_case(string last4)
    {
        var id = await Api.SubmitAndAccept(Forms.For("DEATH_CERT"));
        var number = (await Api.Get(id)).CaseNumber;
        var wrong = await Host.Scenario(s => { s.Get.Url($"/api/status?caseNumber={number}&phoneLast4={last4}"); s.As(Staff.Hotline()); s.StatusCodeShouldBe(404); });
        var unknown = await Host.Scenario(s => { s.Get.Url($"/api/status?caseNumber=620100-20990101-00001&phoneLast4=8000"); s.As(Staff.Hotline()); s.StatusCodeShouldBe(404); });
        static async Task<string?> Detail(Alba.IScenarioResult r) => (await r.ReadAsJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail;
        Assert.Equal(await Detail(unknown), await Detail(wrong));
    }

    [Fact]
    public async Task the_phone_digits_are_validated() =>
        await Host.Scenario(s => { s.Get.Url("/api/status?caseNumber=x&phoneLast4=12a4"); s.As(Staff.Hotline()); s.StatusCodeShouldBe(400); });
}

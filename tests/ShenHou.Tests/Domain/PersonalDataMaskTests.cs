using ShenHou.Domain.People;

namespace ShenHou.Tests.Domain;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData("620102198001011234", "620102********1234")]
    [InlineData("11010519491231002X", "110105********002X")]
    public void an_id_number_keeps_its_first_six_and_last_four(string id, string masked) =>
        Assert.Equal(masked, PersonalData.MaskIdNumber(id));

    [Fact]
    public void a_phone_keeps_its_first_three_and_last_four() => Assert.Equal("138****8000", PersonalData.MaskPhone("13800138000"));

    [Fact]
    public void an_account_keeps_its_last_four() => Assert.Equal("***************0123", PersonalData.MaskAccount("6222021234567890123"));

    [Theory]
    [InlineData("", "")]
    [InlineData("123", "***")]
    [InlineData("12345678", "********")]
    public void a_value_too_short_to_keep_anything_is_masked_whole(string value, string masked) =>
        Assert.Equal(masked, PersonalData.MaskIdNumber(value));
}

using ShenHou.Domain.People;

namespace ShenHou.Tests.People;

public class MobilePhoneTests
{
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("19912345678", "19912345678")]
    [InlineData("15012345678", "15012345678")]
    [InlineData(" 13800138000 ", "13800138000")]
    [InlineData("138 0013 8000", "13800138000")]
    [InlineData("138-0013-8000", "13800138000")]
    [InlineData("+8613800138000", "13800138000")]
    [InlineData("+86 138 0013 8000", "13800138000")]
    [InlineData("+86-138-0013-8000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("86 13800138000", "13800138000")]
    public void Valid_numbers_normalise_to_eleven_digits(string raw, string expected)
    {
        Assert.True(MobilePhone.IsValid(raw));
        Assert.Equal(expected, MobilePhone.Normalise(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1380013800")] // 10 digits
    [InlineData("138001380001")] // 12 digits
    [InlineData("12800138000")] // second digit 2
    [InlineData("10800138000")] // second digit 0
    [InlineData("23800138000")] // does not start with 1
    [InlineData("1380013800a")]
    [InlineData("１3800138000")] // full-width digit
    [InlineData("010-12345678")] // landline
    [InlineData("+8512345678901")]
    [InlineData("+86 12800138000")]
    [InlineData("861380013800")] // 86 followed by only 10 digits
    [InlineData("138.0013.8000")]
    [InlineData("+138 0013 8000")]
    public void Invalid_numbers_are_rejected(string? raw)
    {
        Assert.False(MobilePhone.IsValid(raw));
        Assert.Null(MobilePhone.Normalise(raw));
    }

    [Fact]
    public void Rule_is_bilingual()
    {
        Assert.Contains("手机号码", MobilePhone.Rule);
        Assert.Contains(" / ", MobilePhone.Rule);
        Assert.Contains("11 digits", MobilePhone.Rule);
    }
}

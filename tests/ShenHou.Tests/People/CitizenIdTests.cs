using ShenHou.Domain.People;

namespace ShenHou.Tests.People;

public class CitizenIdTests
{
    // The example number printed in GB 11643-1999 itself.
    private const string StandardExample = "11010519491231002X";

    /// <summary>Appends the correct check character, so a test hits exactly the rule it names.</summary>
    private static string WithCheck(string first17) => first17 + CitizenId.CheckCharacter(first17);

    [Fact]
    public void Standard_example_is_valid_and_decoded()
    {
        var check = CitizenId.Check(StandardExample);

        Assert.True(check.IsValid);
        Assert.Null(check.Error);
        Assert.Null(check.Message);
        var id = check.Id!.Value;
        Assert.Equal(StandardExample, id.Value);
        Assert.Equal(StandardExample, id.ToString());
        Assert.Equal("110105", id.RegionCode);
        Assert.Equal(new DateOnly(1949, 12, 31), id.BirthDate);
        Assert.Equal(2, id.Sequence);
        Assert.Equal(Gender.Female, id.Gender);
        Assert.Equal("110105********002X", id.Masked);
    }

    [Fact]
    public void Lower_case_x_and_surrounding_spaces_are_normalised()
    {
        var check = CitizenId.Check("  11010519491231002x \t");

        Assert.True(check.IsValid);
        Assert.Equal(StandardExample, check.Id!.Value.Value);
        Assert.Equal(CitizenId.Check(StandardExample).Id, check.Id);
    }

    [Theory]
    [InlineData("620102", 1985, 6, 15, 123)]
    [InlineData("440305", 2000, 2, 29, 8)]
    [InlineData("810000", 1900, 1, 1, 0)]
    [InlineData("650102", 2023, 12, 31, 999)]
    public void Composed_numbers_are_valid(string region, int y, int m, int d, int sequence)
    {
        var raw = CitizenId.Compose(region, new DateOnly(y, m, d), sequence);

        Assert.Equal(18, raw.Length);
        var id = CitizenId.Check(raw).Id!.Value;
        Assert.Equal(region, id.RegionCode);
        Assert.Equal(new DateOnly(y, m, d), id.BirthDate);
        Assert.Equal(sequence, id.Sequence);
    }

    [Fact]
    public void Composed_number_with_check_x_accepts_lower_case()
    {
        // Find a composed number whose check character is X, then lower-case it.
        var raw = Enumerable.Range(0, 1000)
            .Select(seq => CitizenId.Compose("330106", new DateOnly(1990, 5, 17), seq))
            .First(n => n.EndsWith('X'));

        var check = CitizenId.Check(raw.ToLowerInvariant());

        Assert.True(check.IsValid);
        Assert.Equal(raw, check.Id!.Value.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing(string? raw) => AssertError(raw, CitizenIdError.Missing);

    [Theory]
    [InlineData("11010519491231002")]
    [InlineData("11010519491231002X1")]
    [InlineData("1101051949123100 2X")] // inner space makes 19
    [InlineData("110105491231002")] // old 15-digit format is not accepted
    public void Length(string raw) => AssertError(raw, CitizenIdError.Length);

    [Theory]
    [InlineData("1101051949123100AX")]
    [InlineData("11010519491231002Y")]
    [InlineData("110105 9491231002X")]
    [InlineData("１10105194912310021")] // full-width digit
    public void Characters(string raw) => AssertError(raw, CitizenIdError.Characters);

    [Theory]
    [InlineData("00010519491231002")]
    [InlineData("10010519491231002")]
    [InlineData("99010519491231002")]
    [InlineData("83000019491231002")] // not a GB/T 2260 province prefix
    [InlineData("16010519491231002")]
    public void Region(string first17) => AssertError(WithCheck(first17), CitizenIdError.Region);

    [Theory]
    [InlineData("11010519490231002")] // 31 February
    [InlineData("11010518991231002")] // before 1900
    [InlineData("11010519491331002")] // month 13
    [InlineData("11010520230229002")] // 2023 is not a leap year
    [InlineData("11010519490100002")] // day 0
    public void BirthDate(string first17) => AssertError(WithCheck(first17), CitizenIdError.BirthDate);

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("110105194912310029")]
    [InlineData("11010519491231003X")] // one digit changed
    [InlineData("11010519491213002X")] // two digits swapped
    public void CheckCharacterMismatch(string raw) => AssertError(raw, CitizenIdError.CheckCharacter);

    [Fact]
    public void Error_messages_are_bilingual_and_cite_the_standard()
    {
        foreach (var e in Enum.GetValues<CitizenIdError>())
        {
            var message = CitizenId.ErrorMessage(e);
            Assert.Contains(" / ", message);
            Assert.Contains("GB 11643", message);
        }
        Assert.Equal("公民身份号码须为18位 / a citizen ID number has 18 characters (GB 11643)",
            CitizenId.ErrorMessage(CitizenIdError.Length));
        Assert.Throws<ArgumentOutOfRangeException>(() => CitizenId.ErrorMessage((CitizenIdError)99));
    }

    [Theory]
    [InlineData(1, Gender.Male)]
    [InlineData(2, Gender.Female)]
    [InlineData(0, Gender.Female)]
    [InlineData(123, Gender.Male)]
    [InlineData(998, Gender.Female)]
    [InlineData(999, Gender.Male)]
    public void Gender_follows_sequence_parity(int sequence, Gender expected)
    {
        var raw = CitizenId.Compose("620102", new DateOnly(1980, 1, 1), sequence);

        Assert.Equal(expected, CitizenId.Check(raw).Id!.Value.Gender);
    }

    [Fact]
    public void Masked_keeps_region_and_last_four()
    {
        var id = CitizenId.Check(CitizenId.Compose("620102", new DateOnly(1988, 8, 8), 123)).Id!.Value;

        Assert.Matches(@"^620102\*{8}123[0-9X]$", id.Masked);
        Assert.DoesNotContain("19880808", id.Masked);
    }

    [Fact]
    public void Compose_round_trips_over_random_inputs()
    {
        string[] provinces = ["11", "12", "23", "31", "37", "44", "46", "50", "54", "62", "65", "71", "81", "82"];
        var random = new Random(11643);
        var first = new DateOnly(1900, 1, 1).DayNumber;
        var last = new DateOnly(2099, 12, 31).DayNumber;

        for (var i = 0; i < 2000; i++)
        {
            var region = provinces[random.Next(provinces.Length)] + random.Next(10000).ToString("D4");
            var birth = DateOnly.FromDayNumber(random.Next(first, last + 1));
            var sequence = random.Next(1000);

            var raw = CitizenId.Compose(region, birth, sequence);
            var check = CitizenId.Check(raw);

            Assert.True(check.IsValid, raw);
            var id = check.Id!.Value;
            Assert.Equal(raw, id.Value);
            Assert.Equal(region, id.RegionCode);
            Assert.Equal(birth, id.BirthDate);
            Assert.Equal(sequence, id.Sequence);
            Assert.Equal(raw[17], CitizenId.CheckCharacter(raw[..17]));

            // Any other check character must be rejected.
            var wrong = "0123456789X".First(c => c != raw[17]);
            Assert.Equal(CitizenIdError.CheckCharacter, CitizenId.Check(raw[..17] + wrong).Error);
        }
    }

    [Theory]
    [InlineData("11010", 1980, 0)]
    [InlineData("990105", 1980, 0)]
    [InlineData("11010a", 1980, 0)]
    [InlineData("110105", 1899, 0)]
    [InlineData("110105", 1980, -1)]
    [InlineData("110105", 1980, 1000)]
    public void Compose_rejects_inputs_that_cannot_make_a_valid_number(string region, int year, int sequence) =>
        Assert.ThrowsAny<ArgumentException>(() => CitizenId.Compose(region, new DateOnly(year, 1, 1), sequence));

    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("11010519491231002X")]
    [InlineData("1101051949123100A")]
    public void CheckCharacter_rejects_anything_but_17_digits(string first17) =>
        Assert.Throws<ArgumentException>(() => CitizenId.CheckCharacter(first17));

    private static void AssertError(string? raw, CitizenIdError expected)
    {
        var check = CitizenId.Check(raw);

        Assert.False(check.IsValid);
        Assert.Null(check.Id);
        Assert.Equal(expected, check.Error);
        Assert.Equal(CitizenId.ErrorMessage(expected), check.Message);
    }
}

using System.Globalization;

namespace ShenHou.Domain.People;

/// <summary>Why a string is not a valid citizen ID number, in the order the rules are checked.</summary>
public enum CitizenIdError
{
    Missing,
    Length,
    Characters,
    Region,
    BirthDate,
    CheckCharacter,
}

/// <summary>Outcome of <see cref="CitizenId.Check"/>: either an <see cref="Id"/> or an <see cref="Error"/>.</summary>
public sealed record CitizenIdCheck(bool IsValid, CitizenId? Id, CitizenIdError? Error)
{
    /// <summary>Bilingual message for the failure, null when valid.</summary>
    public string? Message => Error is { } e ? CitizenId.ErrorMessage(e) : null;
}

/// <summary>
/// An 18-character citizen ID number (公民身份号码, GB 11643-1999): 6-digit address code,
/// 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check character.
/// "Birth date in the future" is deliberately not checked here: it needs a clock,
/// so callers compare <see cref="BirthDate"/> with their own TimeProvider.
/// </summary>
public readonly record struct CitizenId
{
    // Weights are 2^(17-i) mod 11 for positions i = 1..17 (ISO 7064 MOD 11-2).
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    // Province-level prefixes of GB/T 2260 (71 Taiwan, 81 Hong Kong, 82 Macao).
    private static readonly HashSet<string> ProvincePrefixes =
    [
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    private CitizenId(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>Normalised number: trimmed, a trailing lower-case x upper-cased.</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    /// <summary>Address code (地址码), the first 6 digits.</summary>
    public string RegionCode => Value[..6];

    /// <summary>Sequence code (顺序码), digits 15-17.</summary>
    public int Sequence => int.Parse(Value.AsSpan(14, 3), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Odd sequence is male, even is female (GB 11643 §5.3).</summary>
    public Gender Gender => Sequence % 2 == 1 ? Gender.Male : Gender.Female;

    /// <summary>For display and logs: keeps region and last 4, hides the birth date.</summary>
    public string Masked => PersonalData.MaskIdNumber(Value);

    public override string ToString() => Value ?? string.Empty;

    public static CitizenIdCheck Check(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return Fail(CitizenIdError.Missing);

        var s = raw.Trim();
        if (s.Length != 18)
            return Fail(CitizenIdError.Length);

        // ASCII only: char.IsDigit would let full-width and other scripts' digits through.
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
                return Fail(CitizenIdError.Characters);
        }
        var last = s[17];
        if (!char.IsAsciiDigit(last) && last is not ('X' or 'x'))
            return Fail(CitizenIdError.Characters);
        if (last == 'x')
            s = string.Concat(s.AsSpan(0, 17), "X");

        if (!ProvincePrefixes.Contains(s[..2]))
            return Fail(CitizenIdError.Region);

        if (!DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var birth) || birth < EarliestBirthDate)
            return Fail(CitizenIdError.BirthDate);

        if (CheckCharacter(s[..17]) != s[17])
            return Fail(CitizenIdError.CheckCharacter);

        return new CitizenIdCheck(true, new CitizenId(s, birth), null);
    }

    public static string ErrorMessage(CitizenIdError e) => e switch
    {
        CitizenIdError.Missing =>
            "公民身份号码不能为空 / a citizen ID number is required (GB 11643)",
        CitizenIdError.Length =>
            "公民身份号码须为18位 / a citizen ID number has 18 characters (GB 11643)",
        CitizenIdError.Characters =>
            "公民身份号码前17位须为数字，末位须为数字或X / the first 17 characters must be digits and the last a digit or X (GB 11643)",
        CitizenIdError.Region =>
            "公民身份号码地址码无效 / the address code must start with a province-level code (GB 11643, GB/T 2260)",
        CitizenIdError.BirthDate =>
            "公民身份号码出生日期无效 / the birth date must be a real date on or after 1900-01-01 (GB 11643)",
        CitizenIdError.CheckCharacter =>
            "公民身份号码校验码错误 / the check character does not match (GB 11643, ISO 7064 MOD 11-2)",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, null),
    };

    /// <summary>ISO 7064 MOD 11-2 check character for the first 17 digits.</summary>
    public static char CheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || !first17.All(char.IsAsciiDigit))
            throw new ArgumentException("Expected exactly 17 ASCII digits.", nameof(first17));

        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Builds a number that passes <see cref="Check"/>; for tests and demo data.</summary>
    public static string Compose(string regionCode, DateOnly birthDate, int sequence)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        if (regionCode.Length != 6 || !regionCode.All(char.IsAsciiDigit) || !ProvincePrefixes.Contains(regionCode[..2]))
            throw new ArgumentException("Expected a 6-digit code with a GB/T 2260 province prefix.", nameof(regionCode));
        // Years past 9999 cannot occur in DateOnly, so only the lower bound needs a guard.
        if (birthDate < EarliestBirthDate)
            throw new ArgumentOutOfRangeException(nameof(birthDate), birthDate, "Must be on or after 1900-01-01.");
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999);

        var first17 = string.Create(CultureInfo.InvariantCulture,
            $"{regionCode}{birthDate:yyyyMMdd}{sequence:D3}");
        return first17 + CheckCharacter(first17);
    }

    private static CitizenIdCheck Fail(CitizenIdError e) => new(false, null, e);
}

namespace ShenHou.Domain.People;

/// <summary>Mainland China mobile numbers: 11 digits, 1 then 3-9.</summary>
public static class MobilePhone
{
    public const string Rule =
        "手机号码须为11位中国大陆手机号 / a mainland China mobile number has 11 digits starting with 13-19";

    public static bool IsValid(string? raw) => Normalise(raw) is not null;

    /// <summary>
    /// The bare 11 digits, or null. Accepts a "+86" or "86" country prefix and spaces or
    /// hyphens as people type them ("+86 138-0013-8000").
    /// </summary>
    public static string? Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return null;

        var s = raw.Trim().Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("-", string.Empty, StringComparison.Ordinal);

        if (s.StartsWith("+86", StringComparison.Ordinal))
            s = s[3..];
        // A bare "86" is only a prefix when 11 digits follow; no valid number starts with 86 anyway.
        else if (s.Length == 13 && s.StartsWith("86", StringComparison.Ordinal))
            s = s[2..];

        if (s.Length != 11 || s[0] != '1' || s[1] is < '3' or > '9')
            return null;
        // ASCII only: char.IsDigit would accept full-width digits.
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
                return null;
        }
        return s;
    }
}

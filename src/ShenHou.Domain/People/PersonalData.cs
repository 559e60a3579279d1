namespace ShenHou.Domain.People;

/// <summary>
/// Masks for the family's sensitive personal data (PIPL): what lists, logs, problems and roles
/// without a need see instead of the full value.
/// </summary>
public static class PersonalData
{
    /// <summary>An ID number keeps its first 6 (region) and last 4: <c>620102********1234</c>.</summary>
    public static string MaskIdNumber(string value) => Mask(value, 6, 4);

    /// <summary>A phone keeps its first 3 and last 4: <c>138****8000</c>.</summary>
    public static string MaskPhone(string value) => Mask(value, 3, 4);

    /// <summary>An account keeps its last 4: <c>***************0123</c>.</summary>
    public static string MaskAccount(string value) => Mask(value, 0, 4);

    /// <summary>Keeps <paramref name="head"/> and <paramref name="tail"/> characters; too short a value is masked whole.</summary>
    private static string Mask(string value, int head, int tail)
    {
        if (value.Length <= head + tail) return new string('*', value.Length);
        return string.Concat(value.AsSpan(0, head), new string('*', value.Length - head - tail), value.AsSpan(value.Length - tail));
    }
}

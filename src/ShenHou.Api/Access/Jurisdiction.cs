namespace ShenHou.Api.Access;

/// <summary>Thrown when a list or report asks for a region or department the caller does not hold; answered 403.</summary>
public sealed class OutsideJurisdictionException(string chinese, string english) : Exception($"{chinese} / {english}")
{
    public string Chinese { get; } = chinese;
    public string English { get; } = english;
}

/// <summary>How lists, queues and reports are limited to the caller's region and department.</summary>
public static class Jurisdiction
{
    /// <summary>
    /// The region a list is limited to: the one asked for, which must lie within the caller's; or,
    /// when none is asked for, the caller's own (null: the whole province).
    /// </summary>
    public static string? Region(this StaffMember caller, string? requested)
    {
        requested = string.IsNullOrWhiteSpace(requested) ? null : requested.Trim();
        if (requested is null) return caller.RegionFilter;
        if (!caller.Covers(requested))
            throw new OutsideJurisdictionException($"只能查看本地区（{caller.RegionCode}）的数据",
                $"only your own region ({caller.RegionCode}) may be viewed");
        return requested;
    }

    /// <summary>A reviewer sees only their own department's work; other roles any department.</summary>
    public static void RequireDepartment(this StaffMember caller, string department)
    {
        if (caller.Is(Roles.DepartmentReviewer) && caller.Department != department)
            throw new OutsideJurisdictionException($"只能查看本部门（{caller.Department}）的工作",
                $"only your own department's ({caller.Department}) work may be viewed");
    }
}

namespace ShenHou.Api.Access;

/// <summary>The staff roles a token names (claim <c>role</c>). Every route names the roles it admits.</summary>
public static class Roles
{
    /// <summary>综合窗口: files, verifies, accepts, corrects and delivers the cases of its region.</summary>
    public const string Window = "Window";
    /// <summary>部门审核: claims, decides and issues its own department's items.</summary>
    public const string DepartmentReviewer = "DepartmentReviewer";
    /// <summary>督查: reports, escalations, read-only cases of its region (or all, with province scope).</summary>
    public const string Supervisor = "Supervisor";
    /// <summary>审计: histories, their verification and the access log, read-only.</summary>
    public const string Auditor = "Auditor";
    /// <summary>热线 12345: notices, guides, and a case's status by its number and the phone's last four digits.</summary>
    public const string Hotline = "Hotline";

    public static readonly IReadOnlyList<string> All = [Window, DepartmentReviewer, Supervisor, Auditor, Hotline];

    // Role sets for [Authorize(Roles = ...)]: a comma means "any of".
    public const string AnyStaff = Window + "," + DepartmentReviewer + "," + Supervisor + "," + Auditor + "," + Hotline;
    public const string CaseReaders = Window + "," + DepartmentReviewer + "," + Supervisor + "," + Auditor;
    public const string WindowOrSupervisor = Window + "," + Supervisor;
    public const string ReviewerOrSupervisor = DepartmentReviewer + "," + Supervisor;
    public const string WindowOrHotline = Window + "," + Hotline;
}

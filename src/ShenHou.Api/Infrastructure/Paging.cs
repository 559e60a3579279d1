using Microsoft.AspNetCore.Mvc;

namespace ShenHou.Api.Infrastructure;

/// <summary>Page numbers from 1; page sizes 1 to 100, 20 by default (contract v1).</summary>
internal static class Paging
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public static ProblemDetails? Check(int? page, int? pageSize)
    {
        if (page is < 1) return Problems.Validation("page", "页码从1开始 / page starts at 1");
        if (pageSize is < 1 or > MaxSize)
            return Problems.Validation("pageSize", $"每页1至{MaxSize}条 / pageSize is 1 to {MaxSize}");
        return null;
    }

    public static (int Page, int Size) Of(int? page, int? pageSize) => (page ?? 1, pageSize ?? DefaultSize);
}

using ShenHou.Api.Access;
using ShenHou.Domain.Cases;

namespace ShenHou.Api.Infrastructure;

/// <summary>Who is acting, and when, for the events a request writes.</summary>
internal static class Stamps
{
    /// <summary>The authenticated user's id (the token's <c>sub</c>); every event records it.</summary>
    public static Stamp For(HttpContext context, ServiceClock clock) =>
        new(StaffMember.UserIdOf(context.User) ?? "anonymous", clock.GetUtcNow());
}

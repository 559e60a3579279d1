using Marten;
using ShenHou.Projections.Cases;
using ShenHou.Projections.Work;

namespace ShenHou.Api.Infrastructure;

/// <summary>
/// How the read models are stored for their queries. The window view, the queues and the report
/// filter, sort and count on real columns (Marten's duplicated fields) with composite indexes:
/// reading the same values out of 100k jsonb documents took the better part of a second
/// (docs/benchmarks.md). Only UTC instants are duplicated as timestamps (see the deadlines below).
/// </summary>
internal static class ReadModelSchema
{
    public static void AddReadModelSchema(this StoreOptions opts)
    {
        opts.Schema.For<CaseDetails>().UniqueIndex(d => d.CaseNumber);

        opts.Schema.For<CaseSummary>()
            .Duplicate(x => x.SubmittedAt, configure: i => i.SortOrder = Weasel.Postgresql.Tables.SortOrder.Desc)
            .Duplicate(x => x.RegionCode)
            .Duplicate(x => x.Status)
            // Deadlines are China time (+08:00), which Npgsql will not write into a timestamptz column;
            // they are indexed as Marten's expressions over the document instead.
            .Index(x => x.DueAt!)
            .Index(x => x.EarliestOpenDueAt!)
            .Duplicate(x => x.CaseNumber)
            // The report's sums: one index holds every figure of the delivered cases.
            .Duplicate(x => x.DeliveredAt, configure: i =>
            {
                i.Predicate = "status = 'Delivered'";
                i.IncludeColumns = ["region_code", "meets_target", "materials_separately", "materials_handed_in",
                    "time_separately_working_days", "actual_working_days", "extensions", "correction_rounds"];
            })
            .Duplicate(x => x.MeetsTarget, configure: i => i.Predicate = "status = 'Delivered'")
            .Duplicate(x => x.MaterialsSeparately)
            .Duplicate(x => x.MaterialsHandedIn)
            .Duplicate(x => x.TimeSeparatelyWorkingDays)
            .Duplicate(x => x.ActualWorkingDays)
            .Duplicate(x => x.Extensions)
            .Duplicate(x => x.CorrectionRounds)
            .Index([x => x.RegionCode, x => x.SubmittedAt])
            .Index([x => x.Status, x => x.DueAt!]);
        Cases.CaseCounts.AddCaseCounts(opts);
        Reports.DeliverySums.AddDeliverySums(opts);

        // A department's queue: open items by deadline, a page at a time, counted on the index alone.
        opts.Schema.For<DepartmentWorkItem>()
            .Duplicate(r => r.Department)
            .Duplicate(r => r.Open)
            .Duplicate(r => r.CaseNumber)
            .Duplicate(r => r.RegionCode)
            .Index([r => r.Department, r => r.Open, r => r.DueAt, r => r.CaseNumber])
            .Index([r => r.RegionCode, r => r.Department, r => r.Open, r => r.DueAt]);
    }
}

using Terminal.Testing.Soak;

namespace Terminal.Bench;

/// <summary>
/// The simulated day of issue 11 in full: three terminals, 500 subjects between them, random card faults, power
/// cuts mid-draft and cable pulls while docking (<see cref="SimulatedDay"/>, the harness the suite's shortened soak
/// runs too). Its baseline is the same work without any fault on a smaller sample (30 subjects, one terminal, one
/// clean docking) in the same run: the rates are per subject and per record, so they compare across the sizes.
/// </summary>
internal static class SoakBench
{
    private const int CleanSubjects = 30;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(TextWriter log)
    {
        var plan = SoakPlan.FullDay;
        var day = await RunOrReportAsync(plan, "full day", log).ConfigureAwait(false);
        // after the day, not before it: run first, the baseline paid the JIT's start-up alone (measured: 136 subjects/min
        // cold against the day's 177 with all its faults)
        var clean = await RunOrReportAsync(SoakPlan.Clean(CleanSubjects), "baseline, no faults", log).ConfigureAwait(false);
        var baselineWhat = $"the same work, no faults: {CleanSubjects} subjects, 1 terminal";
        var allHeld = day.Holds && clean.Holds;
        return
        [
            new BenchRow($"soak: {plan.Subjects} subjects on {plan.Terminals} terminals, after docking the host holds each once, each signature valid, every audit chain verified, the dashboard's counts agree",
                allHeld ? day.RecordsVerified : 0, "records", plan.Subjects, "subjects collected", 1.0, AtLeast: true),
            new BenchRow("soak: subjects through the workflow (card read, form, photo, signature, finalize), faults and restarts included",
                day.SubjectsPerMinute, "subjects/min", clean.SubjectsPerMinute, baselineWhat, null),
            new BenchRow("soak: card faults the field worker answered by placing the card again (the reader's own retry absorbs the rest)",
                day.Retries, "times", day.Faults, "card faults injected", null),
            new BenchRow("soak: power cuts with a draft open, drafts resumed after the restart",
                day.DraftsResumed, "drafts", day.Restarts, "power cuts, each an app restart", 1.0, AtLeast: true),
            new BenchRow("soak: cable pulls while docking",
                day.Pulls, "pulls", day.Dockings, "dockings in all", null),
            new BenchRow("soak: docking throughput over every docking, pulled ones included",
                day.DockedRecordsPerSecond, "records/s", clean.DockedRecordsPerSecond, $"the clean day's one docking of {CleanSubjects} records (its handshake weighs more on fewer records)", null),
        ];
    }

    /// <summary>Runs a day; one that broke off is a report with nothing verified and the reason as its problem.</summary>
    private static async Task<SoakReport> RunOrReportAsync(SoakPlan plan, string what, TextWriter log)
    {
        SoakReport report;
        try
        {
            report = await SimulatedDay.RunAsync(plan, log).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            report = new SoakReport(plan.Subjects, 0, 0, 0, 0, 0, 0, TimeSpan.MaxValue, TimeSpan.MaxValue, 0, [e.Message]);
        }
        log.WriteLine($"  soak ({what}): {report}");
        foreach (var problem in report.Problems.Take(20))
        {
            log.WriteLine("    " + problem);
        }
        return report;
    }
}

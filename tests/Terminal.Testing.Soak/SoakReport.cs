using System.Globalization;

namespace Terminal.Testing.Soak;

/// <summary>
/// What a simulated day did and what the host held afterwards. <see cref="Problems"/> lists every check that failed
/// (each record once, each signature valid, every audit chain verified, the dashboard's counts); empty when all held.
/// </summary>
public sealed record SoakReport(
    int Subjects,
    int Faults,
    int Retries,
    int Restarts,
    int DraftsResumed,
    int Pulls,
    int Dockings,
    TimeSpan Collecting,
    TimeSpan Docking,
    int RecordsVerified,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when the host holds exactly the day's subjects and every check held.</summary>
    public bool Holds => Problems.Count == 0 && RecordsVerified == Subjects;

    /// <summary>Subjects per minute through the workflow (card read, form, photo, signature, finalize), faults included.</summary>
    public double SubjectsPerMinute => Subjects / Collecting.TotalMinutes;

    /// <summary>Records per second docked, over every docking of the day (pulled ones included).</summary>
    public double DockedRecordsPerSecond => Subjects / Docking.TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Subjects} subjects ({SubjectsPerMinute:0.0}/min), {Faults} card faults, {Retries} card retries, {Restarts} restarts ({DraftsResumed} drafts resumed), {Pulls} cable pulls in {Dockings} dockings ({DockedRecordsPerSecond:0.0} records/s), {RecordsVerified} records verified on the host, {Problems.Count} problems");
}

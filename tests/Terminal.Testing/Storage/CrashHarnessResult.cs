using System.Globalization;

namespace Terminal.Testing.Storage;

/// <summary>What a <see cref="CrashHarness"/> run did and found.</summary>
public sealed record CrashHarnessResult(
    int Kills, int RestartsChecked, int FinalizesAcknowledged, int PurgesAcknowledged, int KillsInsideFinalize,
    TimeSpan Elapsed, TimeSpan StartingProbes, IReadOnlyList<string> Problems)
{
    /// <summary>One line for a test's output or the bench's log.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Kills} kills in {Elapsed.TotalSeconds:F0} s; {FinalizesAcknowledged} finalizes and {PurgesAcknowledged} purges acknowledged; {KillsInsideFinalize} kills inside Finalize; {RestartsChecked} restarts checked, {Problems.Count} problems; starting probes took {StartingProbes.TotalSeconds:F0} s");
}

using System.Globalization;
using Terminal.Storage.Store;
using Terminal.Testing.Storage;

namespace Terminal.Storage.Tests.Durability;

/// <summary>
/// The power-cut test's checks. tests/rig/powercut-tier.sh boots Debian's kernel under qemu with a virtual ext4
/// disk holding a provisioned store, lets the crash probe work on it inside the guest, and kills qemu itself at a
/// random instant: whatever the guest kernel had not written to the disk is lost, as in a real power cut. The next
/// boot mounts the disk (ext4 replays its journal), copies the store out and works on, and so on. Here, on the
/// machine, each copy must hold every finalize the probe acknowledged on the guest's console before the cut, and
/// pass the same consistency checks as the crash harness. A missing fsync anywhere (store, LiteDB, file system)
/// makes this fail; a SIGKILL of the process alone cannot show that, as the page cache survives it.
/// </summary>
[TestClass]
public sealed class TerminalStorePowerCutTests
{
    /// <summary>Set by the tier to its results folder: <c>district.key</c>, <c>cuts</c>, and <c>cut-N/{console.log,store/}</c>.</summary>
    private const string ResultsVariable = "TERMINAL_POWERCUT_RESULTS";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("PowerCut")]
    public void Store_AfterEachPowerCutInTheGuest_HoldsEveryAcknowledgedFinalize()
    {
        var results = Environment.GetEnvironmentVariable(ResultsVariable);
        if (string.IsNullOrEmpty(results) || !File.Exists(Path.Combine(results, "cuts")))
        {
            Assert.Fail($"needs the power-cut tier (tests/rig/powercut-tier.sh), which sets {ResultsVariable}");
        }
        var cuts = int.Parse(File.ReadAllText(Path.Combine(results, "cuts")).Trim(), CultureInfo.InvariantCulture);
        Assert.IsGreaterThan(0, cuts, "the tier made no power cut");
        using var district = AcknowledgedWork.ReadDistrictKey(Path.Combine(results, "district.key"));
        var acknowledged = new AcknowledgedWork();
        var cutInsideFinalize = 0;
        for (var cut = 1; cut <= cuts; cut++)
        {
            var folder = Path.Combine(results, "cut-" + cut.ToString(CultureInfo.InvariantCulture));
            var console = File.ReadAllLines(Path.Combine(folder, "console.log"));
            var before = acknowledged.Finalized;
            acknowledged.Add(console);
            Assert.IsGreaterThan(before, acknowledged.Finalized, $"cut {cut}: the probe acknowledged no finalize before the cut, so the cut proves nothing");
            cutInsideFinalize += console.LastOrDefault(l => l.Contains(" FINALIZE ", StringComparison.Ordinal))?.Contains("BEGIN", StringComparison.Ordinal) == true ? 1 : 0;
            var store = Path.Combine(folder, "store");
            Assert.IsTrue(Directory.Exists(store), $"cut {cut}: the next boot copied no store out (see the tier's console logs)");
            var problems = acknowledged.Check(new TerminalStoreOptions { Folder = store, FreeSpaceReserveBytes = 0 }, CrashHarness.OperatorId, CrashHarness.Pin, district, $"cut {cut}");
            Assert.IsEmpty(problems, string.Join("\n", problems));
        }
        TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cuts} power cuts; {acknowledged.Finalized} finalizes and {acknowledged.Purged} purges acknowledged, all present after the cuts; {cutInsideFinalize} cuts inside a finalize"));
    }
}

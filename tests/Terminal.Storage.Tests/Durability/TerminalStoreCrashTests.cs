using Terminal.Testing.Storage;

namespace Terminal.Storage.Tests.Durability;

/// <summary>
/// The crash harness (<see cref="CrashHarness"/>), 200 kills: every finalize the probe acknowledged is in the outbox
/// after each kill (unless a purge of it had begun) and opens with the district's private key, every purge it
/// acknowledged is gone, nothing is half-written (every draft, outbox item and photo opens, no record is both a draft
/// and finalized), and the audit chain verifies without a missing entry. The bench's soak runs 2,000.
/// </summary>
[TestClass]
public sealed class TerminalStoreCrashTests
{
    private const int Kills = 200;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("Fault")]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void Store_KilledAtRandomInstants_KeepsEveryAcknowledgedFinalizeAndStaysConsistent()
    {
        var result = CrashHarness.Run(Kills, seed: 20181105, cancellationToken: TestContext.CancellationToken);
        TestContext.WriteLine(result.ToString());
        Assert.IsEmpty(result.Problems, string.Join("\n", result.Problems.Take(20)));
        Assert.AreEqual(Kills, result.RestartsChecked);
        Assert.IsGreaterThan(50, result.FinalizesAcknowledged, "the probe acknowledged too few finalizes for the test to mean much");
    }
}

using Terminal.Testing.Storage;

namespace Terminal.Storage.Tests.Durability;

/// <summary>
/// The crash harness (<see cref="CrashHarness"/>), 200 kills in two chains of 100 on two stores at once (a probe's
/// start is mostly the runtime's JIT on one core, so two chains take about half the time of one): every finalize the probe acknowledged is in the outbox
/// after each kill (unless a purge of it had begun) and opens with the district's private key, every purge it
/// acknowledged is gone, nothing is half-written (every draft, outbox item and photo opens, no record is both a draft
/// and finalized), and the audit chain verifies without a missing entry. The bench's soak runs 2,000.
/// </summary>
[TestClass]
public sealed class TerminalStoreCrashTests
{
    private const int Kills = 200;
    private const int Chains = 2;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("Fault")]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void Store_KilledAtRandomInstants_KeepsEveryAcknowledgedFinalizeAndStaysConsistent()
    {
        var chains = Enumerable.Range(0, Chains)
            .Select(chain => Task.Run(() => CrashHarness.Run(Kills / Chains, seed: 20181105 + chain * 1000, cancellationToken: TestContext.CancellationToken)))
            .ToArray();
        Task.WaitAll(chains, TestContext.CancellationToken);
        var results = chains.Select(c => c.Result).ToList();
        results.ForEach(r => TestContext.WriteLine(r.ToString()));
        var problems = results.SelectMany(r => r.Problems).ToList();
        Assert.IsEmpty(problems, string.Join("\n", problems.Take(20)));
        Assert.AreEqual(Kills, results.Sum(r => r.RestartsChecked));
        Assert.IsGreaterThan(50, results.Sum(r => r.FinalizesAcknowledged), "the probe acknowledged too few finalizes for the test to mean much");
    }
}

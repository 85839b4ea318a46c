using Terminal.Testing.Soak;

namespace Terminal.Firmware.Tests.Soak;

/// <summary>
/// A shortened simulated day (issue 11; the full one is `./bench soak`, the same harness): three provisioned
/// terminals collect twelve subjects each through the real workflow code (card read by the real driver over a pty
/// from the card simulator, with card faults answered by retries; form, photo, signature, finalize), with the app
/// restarted mid-collection (the store reopened after it was closed with a draft open), then each docks into one
/// district host over a pty, its first docking's cable pulled at a random byte. Afterwards the host holds every
/// record once, each signature matches its content, every terminal's audit chain reached the host whole, the
/// dashboard's counts agree and the outboxes are empty.
/// </summary>
[TestClass]
[TestCategory("Pty")]
public sealed class SoakTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task SimulatedDay_ThreeTerminalsTwelveSubjectsEach_HostHoldsEveryRecordOnce()
    {
        var report = await SimulatedDay.RunAsync(SoakPlan.Shortened, cancellationToken: TestContext.CancellationToken);
        TestContext.WriteLine("soak: " + report);
        Assert.IsEmpty(report.Problems, string.Join(Environment.NewLine, report.Problems));
        Assert.AreEqual(36, report.Subjects);
        Assert.AreEqual(36, report.RecordsVerified, "every record verified on the host");
        Assert.IsGreaterThan(0, report.Faults, "card faults struck");
        Assert.AreEqual(report.Restarts, report.DraftsResumed, "every power cut resumed its draft");
        Assert.IsGreaterThan(0, report.Restarts, "the power went at least once");
        Assert.IsGreaterThan(0, report.Pulls, "at least one docking's cable was pulled");
    }
}

using System.Diagnostics;
using Terminal.Dock.Handheld;
using Terminal.Testing.Dock;

namespace Terminal.Host.Dock.Tests.Kernel;

/// <summary>
/// A docking over the real USB serial link of the kernel rig (tests/rig): the terminal's end on the gadget's
/// /dev/ttyGS0 (g_serial over dummy_hcd), the host's watcher finding /dev/ttyACM0 (cdc_acm) by itself. Fails
/// outside the rig saying so.
/// </summary>
[TestClass]
[TestCategory("Kernel")]
[DoNotParallelize]
public sealed class DockCableKernelTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Watcher_TerminalOnTheUsbGadget_DocksEveryRecordOverTheKernelsCdcAcmLink()
    {
        if (Environment.GetEnvironmentVariable("TERMINAL_KERNEL_RIG") != "1" || !File.Exists("/dev/ttyGS0"))
        {
            Assert.Fail("needs the kernel rig (tests/rig/kernel-tier.sh): no /dev/ttyGS0");
        }
        var clock = Stopwatch.StartNew();
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        var random = new Random(9);
        var finalized = Enumerable.Range(0, 5).Select(_ => DockWorld.FinalizeSample(store, 1, 60_000, random)).ToDictionary(i => i.Sequence);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var terminal = new HandheldDock(store) { ReopenDelay = TimeSpan.FromMilliseconds(200) };
        var terminalLoop = Task.Run(() => terminal.RunAsync(HandheldDock.GadgetPort, stop.Token));
        var options = new HostDockOptions { StagingFolder = Path.Combine(world.Folder, "staging"), LogPath = world.LogPath, PollInterval = TimeSpan.FromMilliseconds(200), RetryDelay = TimeSpan.FromSeconds(1) };
        using var watcher = new DockWatcher(world.Host(chunkSize: 128 * 1024, answerTimeout: TimeSpan.FromSeconds(5)), options);
        await watcher.StartAsync(stop.Token);
        while (watcher.Docked == 0)
        {
            Assert.IsFalse(stop.IsCancellationRequested, "no docking over /dev/ttyACM0 within 150 s: " + string.Join(" | ", world.Log.Entries().Select(e => e.Outcome + " " + e.Error)));
            await Task.Delay(100);
        }
        await watcher.StopAsync(CancellationToken.None);
        await stop.CancelAsync();
        await terminalLoop;
        Assert.IsEmpty(store.Outbox());
        await DockInvariants.NothingLostNothingTwiceAsync(world, store, finalized, "over the USB link");
        await DockInvariants.AuditChainsAgreeAsync(world, store, finalized, "over the USB link");
        var docked = world.Log.Entries().Single(e => e.Outcome == "docked");
        TestContext.WriteLine($"docked {docked.Committed.Count} records, {docked.PayloadBytes} bytes over /dev/ttyGS0 ↔ /dev/ttyACM0 in {clock.Elapsed.TotalSeconds:0.0} s");
    }
}

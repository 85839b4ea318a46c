using System.Diagnostics;
using Terminal.Dock.Handheld;
using Terminal.Testing;
using Terminal.Testing.Dock;

namespace Terminal.Host.Dock.Tests;

/// <summary>The docking watcher against a real pty pair that appears, is unplugged and comes back.</summary>
[TestClass]
[TestCategory("Pty")]
public sealed class DockWatcherTests
{
    [TestMethod]
    public async Task Watcher_TerminalPluggedUnpluggedAndPluggedAgain_DocksEachTime()
    {
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        var random = new Random(8);
        DockWorld.FinalizeSample(store, 1, 20_000, random);
        using var pty = PtyPair.Start();
        pty.Unplug();
        var options = new HostDockOptions { StagingFolder = Path.Combine(world.Folder, "staging"), LogPath = world.LogPath, PollInterval = TimeSpan.FromMilliseconds(100), Ports = [Path.Combine(Path.GetDirectoryName(pty.HostEnd)!, "h*")] };
        using var watcher = new DockWatcher(world.Host(answerTimeout: TimeSpan.FromSeconds(2)), options, open: path => PtyPair.OpenSerial(path).BaseStream);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await watcher.StartAsync(stop.Token);
        Assert.AreEqual(0, watcher.Docked, "no port, no docking");
        for (var plug = 1; plug <= 2; plug++)
        {
            pty.Replug();
            using (var terminalPort = PtyPair.OpenSerial(pty.DeviceEnd))
            {
                await new HandheldDock(store).ServeOneAsync(terminalPort.BaseStream, stop.Token);
                await WaitAsync(() => watcher.Docked == plug, "the watcher counts the docking");
                Assert.IsEmpty(store.Outbox(), $"plug {plug}: the outbox was emptied");
            }
            pty.Unplug();
            DockWorld.FinalizeSample(store, 1, 20_000, random);
            await Task.Delay(300);
        }
        await watcher.StopAsync(CancellationToken.None);
        Assert.AreEqual(2, world.Log.Entries().Count(e => e.Outcome == "docked"));
        Assert.IsEmpty(await world.DistrictStore.MissingSequencesAsync(DockWorld.TerminalId));
    }

    [TestMethod]
    public void SerialPortScan_PatternsOfAFolder_ListsWhatIsThere()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ports-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "ttyACM1"), "");
            File.WriteAllText(Path.Combine(folder, "ttyACM0"), "");
            File.WriteAllText(Path.Combine(folder, "ttyS0"), "");
            CollectionAssert.AreEqual(new[] { Path.Combine(folder, "ttyACM0"), Path.Combine(folder, "ttyACM1") }, SerialPortScan.List([Path.Combine(folder, "ttyACM*")]).ToArray());
            Assert.IsEmpty(SerialPortScan.List([Path.Combine(folder, "missing", "ttyACM*")]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.IsLessThan(30, clock.Elapsed.TotalSeconds, what);
            await Task.Delay(20);
        }
    }
}

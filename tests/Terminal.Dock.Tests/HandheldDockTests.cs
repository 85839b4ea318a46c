using Terminal.Dock.Handheld;
using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Testing;

namespace Terminal.Dock.Tests;

/// <summary>The terminal's docking loop on a serial port (a pty end standing for /dev/ttyGS0).</summary>
[TestClass]
[TestCategory("Pty")]
public sealed class HandheldDockTests
{
    [TestMethod]
    public async Task RunAsync_StoppedWhileWaitingForAHost_EndsWithoutAnError()
    {
        var folder = Path.Combine(Path.GetTempPath(), "handheld-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using var district = DistrictKeyPair.Generate(DistrictSuite.P256);
            using var recovery = RecoveryKey.Generate();
            using var dockKey = Session.DockKeys.NewSigningKey();
            using var store = TerminalStore.Provision(new TerminalStoreOptions { Folder = folder, Argon2id = Argon2idOptions.Cheap },
                new TerminalProvisioning("T650105-04", district.PublicKey, recovery, "op-0401", "246810", Session.DockKeys.PublicPoint(dockKey)));
            using var pty = PtyPair.Start();
            using var stop = new CancellationTokenSource();
            var loop = new HandheldDock(store) { ReopenDelay = TimeSpan.FromMilliseconds(50) }.RunAsync(pty.DeviceEnd, stop.Token);
            await Task.Delay(500);
            Assert.IsFalse(loop.IsCompleted, "the loop waits for a host");
            await stop.CancelAsync();
            await loop.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

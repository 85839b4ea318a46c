using Terminal.Dock.Pull;

namespace Terminal.Host.Dock.Tests;

/// <summary>The host's durable pieces: staging on disk and the hash-chained docking log.</summary>
[TestClass]
public sealed class HostStoreTests
{
    private static readonly OutboxEntry Entry = new(7, "00000000-0000-0000-0000-000000000001/v1", 10, new string('a', 64));

    [TestMethod]
    public async Task FileDockStaging_AppendsThenAnotherInstance_ResumesFromWhatIsOnDisk()
    {
        var folder = Path.Combine(Path.GetTempPath(), "staging-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await new FileDockStaging(folder).AppendAsync("T1", Entry, 0, new byte[] { 1, 2, 3 }, CancellationToken.None);
            var again = new FileDockStaging(folder);
            Assert.AreEqual(3, await again.LengthAsync("T1", Entry, CancellationToken.None));
            await again.AppendAsync("T1", Entry, 3, new byte[] { 4 }, CancellationToken.None);
            CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4 }, await again.ReadAsync("T1", Entry, CancellationToken.None));
            await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => again.AppendAsync("T1", Entry, 2, new byte[] { 9 }, CancellationToken.None));
            await again.DiscardAsync("T1", Entry, CancellationToken.None);
            Assert.AreEqual(0, await again.LengthAsync("T1", Entry, CancellationToken.None));
            Assert.ThrowsExactly<ArgumentException>(() => again.LengthAsync("../etc", Entry, CancellationToken.None));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void DockLog_EditedLineOrTornEnd_EditIsFoundAndTheTornEndDropped()
    {
        var path = Path.Combine(Path.GetTempPath(), "docklog-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
        try
        {
            var log = new DockLog(path);
            for (var i = 0; i < 3; i++)
            {
                log.Append(new DockLogEntry(0, DateTimeOffset.UnixEpoch, "T1", "docked", [i], [], [], 100, 0, ""));
            }
            Assert.IsEmpty(DockLog.Verify(path));
            File.AppendAllText(path, "4\tcut short");
            Assert.HasCount(3, new DockLog(path).Entries(), "the torn last line is dropped on open");
            Assert.IsEmpty(DockLog.Verify(path));
            var lines = File.ReadAllLines(path);
            lines[1] = lines[1].Replace("\"payloadBytes\":100", "\"payloadBytes\":999", StringComparison.Ordinal);
            File.WriteAllLines(path, lines);
            Assert.HasCount(1, DockLog.Verify(path));
            File.WriteAllLines(path, [lines[0], lines[2]]);
            Assert.IsNotEmpty(DockLog.Verify(path), "a deleted entry is found");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

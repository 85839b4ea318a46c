using System.Globalization;
using Terminal.Storage.Tests.Support;
using Terminal.Testing.Storage;

namespace Terminal.Storage.Tests.Durability;

/// <summary>
/// Finalize returns only after its bytes are on disk: the probe finalizes one record under
/// <c>strace -f -y -e trace=fsync,fdatasync,pwrite64,write,ftruncate</c>, and between its "BEGIN FINALIZE" and
/// "ACK FINALIZE" lines every store file written is fsynced after its last write.
/// </summary>
[TestClass]
public sealed class TerminalStoreFsyncTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [TestCategory("Durability")]
    public void Finalize_UnderStrace_FsyncsEveryStoreFileAfterItsLastWriteBeforeAcknowledging()
    {
        var strace = FindOnPath("strace") ?? throw new AssertFailedException("strace is not installed: the store's durability test needs it (apt-get install strace; ./test installs it)");
        using var f = new StoreFixture();
        f.Store.Dispose();
        var log = Path.Combine(Path.GetTempPath(), "strace-" + Guid.NewGuid().ToString("N")[..8] + ".log");
        using var probe = CrashProbeProcess.Start([strace, "-f", "-y", "-qq", "-s", "40", "-o", log, "-e", "trace=fsync,fdatasync,pwrite64,write,ftruncate"],
            "finalize-once", f.Folder, StoreFixture.OperatorId, StoreFixture.Pin, "7");
        var stderr = probe.WaitForExit(TimeSpan.FromMinutes(2));
        Assert.AreEqual(0, probe.ExitCode, stderr);

        var events = SyscallTrace.Parse(File.ReadLines(log)).Events;
        File.Delete(log);
        var begin = IndexOfStdout(events, "BEGIN FINALIZE");
        var ack = IndexOfStdout(events, "ACK FINALIZE");
        Assert.IsTrue(begin >= 0 && ack > begin, "the probe's BEGIN and ACK lines are not in the trace");
        var window = events.Skip(begin + 1).Take(ack - begin - 1).ToList();
        var storeEvents = window.Where(e => e.Path.StartsWith(f.Folder, StringComparison.Ordinal)).ToList();
        var written = storeEvents.Where(e => e.IsWrite).Select(e => e.Path).Distinct().ToList();
        Assert.IsNotEmpty(written, "finalize wrote nothing to the store files");
        foreach (var path in written)
        {
            var lastWrite = storeEvents.FindLastIndex(e => e.Path == path && e.IsWrite);
            var syncAfter = storeEvents.FindIndex(lastWrite + 1, e => e.Path == path && e.IsSync);
            Assert.IsGreaterThan(lastWrite, syncAfter, $"{Path.GetFileName(path)} was written and not fsynced before Finalize returned");
        }
        TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"finalize: {storeEvents.Count(e => e.IsWrite)} writes, {storeEvents.Count(e => e.IsSync)} fsyncs ({string.Join(", ", storeEvents.Where(e => e.IsSync).GroupBy(e => Path.GetFileName(e.Path)).Select(g => $"{g.Key} {g.Count()}"))})"));
    }

    private static int IndexOfStdout(IReadOnlyList<SyscallEvent> events, string text)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Call == "write" && events[i].Path.StartsWith("pipe:", StringComparison.Ordinal) && events[i].Rest.Contains(text, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
}

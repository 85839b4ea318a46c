using System.Globalization;
using Terminal.Records.Serialization;
using Terminal.Storage.Audit;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;

namespace Terminal.Storage.Tests.Support;

/// <summary>
/// What the crash probe acknowledged (its BEGIN/ACK lines, over any number of runs on one store), and the check a
/// store left by a killed probe, or by a power cut, must pass: every acknowledged finalize present (unless a purge
/// of it had begun) and opening with the district's private key, every acknowledged purge gone, nothing
/// half-written (every draft, outbox item and photo opens; no record both draft and finalized), and the audit
/// chain intact with no entry missing.
/// </summary>
internal sealed class AcknowledgedWork
{
    private readonly HashSet<(Guid, int)> _finalized = [];
    private readonly HashSet<(Guid, int)> _purging = [];
    private readonly HashSet<(Guid, int)> _purged = [];

    /// <summary>Finalizes acknowledged so far.</summary>
    public int Finalized => _finalized.Count;

    /// <summary>Purges acknowledged so far.</summary>
    public int Purged => _purged.Count;

    /// <summary>Adds the probe's lines (other lines are ignored, so a guest's console can be given whole).</summary>
    public void Add(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            switch (line.Trim().Split(' '))
            {
                case ["ACK", "FINALIZE", var id, var v]:
                    _finalized.Add(Parse(id, v));
                    break;
                case ["BEGIN", "PURGE", var id, var v]:
                    _purging.Add(Parse(id, v));
                    break;
                case ["ACK", "PURGE", var id, var v]:
                    _purged.Add(Parse(id, v));
                    break;
            }
        }
    }

    /// <summary>The expectations as they stand now, for a check that runs while more work is added.</summary>
    public AcknowledgedWork Copy()
    {
        var copy = new AcknowledgedWork();
        copy._finalized.UnionWith(_finalized);
        copy._purging.UnionWith(_purging);
        copy._purged.UnionWith(_purged);
        return copy;
    }

    /// <summary>
    /// Opens the store in <paramref name="folder"/> (LiteDB's recovery runs) and asserts everything above;
    /// <paramref name="label"/> names the kill or cut in the messages.
    /// </summary>
    public void Check(TerminalStoreOptions options, string operatorId, string pin, DistrictKeyPair district, string label)
    {
        using var store = TerminalStore.Open(options);
        Assert.IsTrue(store.Login(operatorId, pin).Succeeded, $"{label}: login failed");
        var outbox = store.Outbox();
        var present = outbox.Select(i => (i.RecordId, i.Version)).ToHashSet();
        foreach (var acknowledged in _finalized.Except(_purging))
        {
            Assert.Contains(acknowledged, present, $"{label}: acknowledged finalize {acknowledged} is missing");
        }
        foreach (var gone in _purged)
        {
            Assert.DoesNotContain(gone, present, $"{label}: acknowledged purge {gone} is still in the outbox");
        }
        foreach (var item in outbox)
        {
            var record = RecordSerializer.Deserialize(DistrictSeal.Open(district, TerminalStore.RecordContext(item.RecordId, item.Version), item.SealedRecord.Span));
            Assert.AreEqual(item.RecordId, record.RecordId);
            Assert.HasCount(record.Photos.Length, item.SealedPhotos);
            foreach (var photo in item.SealedPhotos)
            {
                DistrictSeal.Open(district, TerminalStore.FinalizedPhotoContext(item.RecordId, item.Version), photo.Span);
            }
        }
        var drafts = store.Drafts();
        Assert.IsFalse(drafts.Any(d => present.Contains((d.Record.RecordId, d.Record.Version))), $"{label}: a record is both a draft and finalized");
        var audit = AuditVerifier.Verify(store.AuditLog(), store.SigningPublicKey.Span);
        Assert.IsTrue(audit.IsIntact, $"{label}: {string.Join("; ", audit.Problems.Select(p => p.Message))}");
        Assert.AreEqual(audit.EntryCount, store.Counts().AuditEntries, $"{label}: audit entries are missing");
    }

    /// <summary>
    /// The district key pair the probe's <c>provision</c> verb wrote (tests/Terminal.Storage.CrashProbe/ProbeStore.cs):
    /// the suite's name, a colon, the private scalar in hex.
    /// </summary>
    public static DistrictKeyPair ReadDistrictKey(string keyFile)
    {
        var text = File.ReadAllText(keyFile).Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return DistrictKeyPair.Import(Enum.Parse<DistrictSuite>(text[..colon]), Convert.FromHexString(text[(colon + 1)..]));
    }

    private static (Guid, int) Parse(string id, string version) => (Guid.Parse(id), int.Parse(version, CultureInfo.InvariantCulture));
}

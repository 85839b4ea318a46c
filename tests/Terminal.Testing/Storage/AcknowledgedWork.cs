using System.Globalization;
using Terminal.Records.Serialization;
using Terminal.Storage.Audit;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;

namespace Terminal.Testing.Storage;

/// <summary>
/// What the crash probe acknowledged (its BEGIN/ACK lines, over any number of runs on one store), and the check a
/// store left by a killed probe, or by a power cut, must pass: every acknowledged finalize present (unless a purge
/// of it had begun) and opening with the district's private key, every acknowledged purge gone, nothing
/// half-written (every draft, outbox item and photo opens; no record both draft and finalized), and the audit
/// chain intact with no entry missing.
/// </summary>
public sealed class AcknowledgedWork
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
    /// Opens the store that <paramref name="options"/> names (LiteDB's recovery runs) and checks everything above;
    /// returns what is wrong, each naming <paramref name="label"/> (the kill or cut), or nothing.
    /// </summary>
    public IReadOnlyList<string> Check(TerminalStoreOptions options, string operatorId, string pin, DistrictKeyPair district, string label)
    {
        var problems = new List<string>();
        using var store = TerminalStore.Open(options);
        if (!store.Login(operatorId, pin).Succeeded)
        {
            return [$"{label}: login failed"];
        }
        var outbox = store.Outbox();
        var present = outbox.Select(i => (i.RecordId, i.Version)).ToHashSet();
        problems.AddRange(_finalized.Except(_purging).Where(a => !present.Contains(a)).Select(a => $"{label}: acknowledged finalize {a} is missing"));
        problems.AddRange(_purged.Where(present.Contains).Select(a => $"{label}: acknowledged purge {a} is still in the outbox"));
        foreach (var item in outbox)
        {
            var record = RecordSerializer.Deserialize(DistrictSeal.Open(district, TerminalStore.RecordContext(item.RecordId, item.Version), item.SealedRecord.Span));
            if (record.RecordId != item.RecordId || record.Photos.Length != item.SealedPhotos.Count)
            {
                problems.Add($"{label}: outbox item {item.RecordId} holds another record or lost photos");
            }
            foreach (var photo in item.SealedPhotos)
            {
                DistrictSeal.Open(district, TerminalStore.FinalizedPhotoContext(item.RecordId, item.Version), photo.Span);
            }
        }
        if (store.Drafts().Any(d => present.Contains((d.Record.RecordId, d.Record.Version))))
        {
            problems.Add($"{label}: a record is both a draft and finalized");
        }
        var audit = AuditVerifier.Verify(store.AuditLog(), store.SigningPublicKey.Span);
        problems.AddRange(audit.Problems.Select(p => $"{label}: {p.Message}"));
        if (audit.EntryCount != store.Counts().AuditEntries)
        {
            problems.Add($"{label}: {store.Counts().AuditEntries - audit.EntryCount} audit entries are missing");
        }
        return problems;
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

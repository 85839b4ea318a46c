using System.Collections.Immutable;
using System.Globalization;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Testing;

namespace Terminal.Storage.CrashProbe;

/// <summary>Works on a store the way a field worker does: drafts step by step, photos, finalize, and purges after a dock.</summary>
internal sealed class Probe : IDisposable
{
    private static readonly string[] Steps = ["identity", "personal", "module2", "module7", "living", "signature"];

    private readonly TerminalStore _store;
    private readonly Random _random;

    private Probe(TerminalStore store, Random random)
    {
        _store = store;
        _random = random;
    }

    public static Probe Open(string folder, string operatorId, string pin, int seed)
    {
        var warm = Task.Run(WarmUp);
        var store = TerminalStore.Open(new TerminalStoreOptions { Folder = folder });
        var login = store.Login(operatorId, pin);
        warm.Wait();
        if (!login.Succeeded)
        {
            store.Dispose();
            throw new InvalidOperationException(login.Message);
        }
        Console.WriteLine("READY");
        return new Probe(store, new Random(seed));
    }

    /// <summary>
    /// Compiles the sealing and serialisation code on a second core while the store opens, so that the kills land
    /// in work rather than in the JIT (the crash test's time goes mostly into starting probes).
    /// </summary>
    private static void WarmUp()
    {
        var canonical = RecordSerializer.Serialize(SampleRecords.DisabledDischargedSoldier());
        using var key = DataKey.Generate();
        DataKeySeal.Open(key, new SealingContext("warm-up", Guid.Empty, 0), DataKeySeal.Seal(key, new SealingContext("warm-up", Guid.Empty, 0), canonical));
        using var district = DistrictKeyPair.Generate(DistrictSuite.P256);
        DistrictSeal.Seal(district.PublicKey, new SealingContext("warm-up", Guid.Empty, 0), canonical);
        RecordSerializer.Deserialize(canonical);
    }

    /// <summary>One record from first step to finalize, then the outbox's oldest item purged now and then.</summary>
    public void WorkUntilKilled()
    {
        while (true)
        {
            var record = Collect(_random.Next(1, Steps.Length + 1));
            Finalize(record);
            if (_random.Next(3) == 0 && _store.Outbox() is [var oldest, ..])
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BEGIN PURGE {oldest.RecordId:D} {oldest.Version}"));
                _store.Purge(oldest.RecordId, oldest.Version);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ACK PURGE {oldest.RecordId:D} {oldest.Version}"));
            }
        }
    }

    /// <summary>One record collected and finalized (for the fsync test under strace).</summary>
    public void FinalizeOne() => Finalize(Collect(Steps.Length));

    private Record Collect(int steps)
    {
        var record = SampleRecords.DisabledDischargedSoldier() with { RecordId = Guid.NewGuid(), Signature = null, Photos = [] };
        var photo = new byte[2000 + _random.Next(4000)];
        _random.NextBytes(photo);
        var sha = _store.SavePhoto(record.RecordId, photo);
        record = record with { Photos = ImmutableArray.Create(new PhotoReference(PhotoKind.PersonalPhoto, sha, photo.Length, "image/jpeg", 720, 960)) };
        for (var i = 0; i < steps; i++)
        {
            _store.SaveDraft(record.With("personal.serviceUnit", "某部" + i.ToString(CultureInfo.InvariantCulture)), Steps[i]);
        }
        return Terminal.Testing.Storage.SampleSignatures.Sign(_store, record);
    }

    private void Finalize(Record record)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BEGIN FINALIZE {record.RecordId:D} {record.Version}"));
        _store.Finalize(record);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ACK FINALIZE {record.RecordId:D} {record.Version}"));
    }

    public void Dispose() => _store.Dispose();
}

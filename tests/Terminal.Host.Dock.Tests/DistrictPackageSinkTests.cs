using System.Security.Cryptography;
using Terminal.Dock.Packages;
using Terminal.Dock.Pull;
using Terminal.Host.Storage.Ingest;
using Terminal.Records.Serialization;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Testing;
using Terminal.Testing.Dock;

namespace Terminal.Host.Dock.Tests;

/// <summary>
/// Ingest of real terminal packages (finalized and sealed by a provisioned terminal store) through the sink: a
/// replayed package adds nothing, a forged one (sealed to another district, or altered) commits nothing and is
/// quarantined, and the ingest checks flag what the record model's rules and the photo limits find without dropping the record.
/// </summary>
[TestClass]
[TestCategory("Database")]
public sealed class DistrictPackageSinkTests
{
    private static ReceivedPackage PackageOf(OutboxItem item, ReadOnlySpan<byte> sealedRecord)
    {
        var bytes = OutboxPackage.Encode(item.RecordId, item.Version, item.Sequence, sealedRecord, item.SealedPhotos, item.SealedStrokes.Span, item.SealedSignatureImage.Span);
        return new ReceivedPackage(new OutboxEntry(item.Sequence, FormattableString.Invariant($"{item.RecordId:D}/v{item.Version}"), bytes.Length,
            Convert.ToHexStringLower(SHA256.HashData(bytes))), bytes);
    }

    [TestMethod]
    public async Task Commit_ReplayedPackage_IsStoredOnceAndItsChecksFlagTheRandomPhoto()
    {
        using var world = await DockWorld.CreateAsync();
        OutboxItem item;
        using (var store = world.OpenStore())
        {
            item = DockWorld.FinalizeSample(store, 1, 2048, new Random(5));
        }
        var sink = new DistrictPackageSink(world.DistrictStore, world.DistrictStore, world.District);
        var package = PackageOf(item, item.SealedRecord.Span);
        Assert.IsEmpty(await sink.CommitAsync(DockWorld.TerminalId, [package], ReadOnlyMemory<byte>.Empty, CancellationToken.None));
        Assert.IsEmpty(await sink.CommitAsync(DockWorld.TerminalId, [package], ReadOnlyMemory<byte>.Empty, CancellationToken.None));
        var stored = await world.DistrictStore.FindByIdNumberAsync(SampleRecords.DisabledDischargedSoldier().Text("identity.idNumber")!);
        Assert.HasCount(1, stored, "the replay added nothing");
        var flags = await world.DistrictStore.FlagsAsync(item.RecordId);
        Assert.IsTrue(flags.Any(f => f.Flag.Code == IngestFlagCodes.PhotoDamaged), "random bytes are not a JPEG: kept and flagged");
        Assert.IsFalse(flags.Any(f => f.Flag.Code == "SignatureContentMismatch"), "the terminal signed what it sealed");
    }

    [TestMethod]
    public async Task Commit_PackageSealedToAnotherDistrict_CommitsNothingAndIsQuarantined()
    {
        using var world = await DockWorld.CreateAsync();
        OutboxItem item;
        using (var store = world.OpenStore())
        {
            item = DockWorld.FinalizeSample(store, 0, 0, new Random(6));
        }
        using var foreign = DistrictKeyPair.Generate(DistrictSuite.P256);
        var record = SampleRecords.Signed(SampleRecords.DisabledDischargedSoldier() with { RecordId = item.RecordId, Version = item.Version, Photos = [], Signature = null });
        var forged = DistrictSeal.Seal(foreign.PublicKey, TerminalStore.RecordContext(item.RecordId, item.Version), RecordSerializer.Serialize(record));
        var sink = new DistrictPackageSink(world.DistrictStore, world.DistrictStore, world.District);
        var refused = await sink.CommitAsync(DockWorld.TerminalId, [PackageOf(item, forged)], ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        StringAssert.Contains(refused.Single().Reason, "无法用本区密钥打开");
        Assert.HasCount(1, await world.DistrictStore.QuarantinedAsync(DockWorld.TerminalId));
        Assert.IsNull(await world.DistrictStore.RecordAsync(item.RecordId));
    }

    [TestMethod]
    public async Task Commit_AlteredSealedRecord_CommitsNothingAndIsQuarantined()
    {
        using var world = await DockWorld.CreateAsync();
        OutboxItem item;
        using (var store = world.OpenStore())
        {
            item = DockWorld.FinalizeSample(store, 0, 0, new Random(7));
        }
        var altered = item.SealedRecord.ToArray();
        altered[^20] ^= 0x40;
        var sink = new DistrictPackageSink(world.DistrictStore, world.DistrictStore, world.District);
        Assert.HasCount(1, await sink.CommitAsync(DockWorld.TerminalId, [PackageOf(item, altered)], ReadOnlyMemory<byte>.Empty, CancellationToken.None));
        Assert.IsNull(await world.DistrictStore.RecordAsync(item.RecordId));
    }
}

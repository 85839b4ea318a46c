using Terminal.Dock.Pull;
using Terminal.Storage.Audit;
using Terminal.Storage.Sealing;
using Terminal.Testing.Dock;

namespace Terminal.Host.Dock.Tests;

/// <summary>What the host does with what does not verify: packages go to quarantine, a broken audit chain stops the docking.</summary>
[TestClass]
public sealed class DockVerificationTests
{
    [TestMethod]
    public async Task Docking_SignedRecord_TheStrokesAsDataAndTheImageReachTheDistrict()
    {
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        var item = DockWorld.FinalizeSample(store, 1, 4_000, new Random(9));
        var cable = new FaultyCable();
        var (entry, error, _) = await Exchange.RunAsync(world, store, cable.HostEnd, cable.TerminalEnd, world.Host(answerTimeout: TimeSpan.FromSeconds(2)));
        Assert.IsNull(error, error?.ToString());
        Assert.HasCount(1, entry!.Committed);
        var signature = (await world.DistrictStore.RecordAsync(item.RecordId, item.Version))!.Signature!;
        byte[] strokes;
        await using (var c = await world.Database.OpenAsync(CancellationToken.None))
        await using (var command = c.CreateCommand())
        {
            command.CommandText = "SELECT strokes FROM signatures WHERE record_id = $id";
            AddParameter(command, "$id", item.RecordId.ToString("D"));
            strokes = (byte[])(await command.ExecuteScalarAsync())!;
        }
        Assert.AreEqual(signature.StrokesSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(strokes)));
        StringAssert.StartsWith(System.Text.Encoding.UTF8.GetString(strokes), "{\"height\":");
        var image = await world.DistrictStore.PhotoAsync(signature.ImageSha256);
        Assert.IsNotNull(image, "the rendered signature is stored by its hash");
    }

    [TestMethod]
    public async Task Docking_PackagesThatDoNotOpenWithTheDistrictKey_AreQuarantinedNotCommittedAndStayOnTheTerminal()
    {
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        var random = new Random(7);
        var finalized = Enumerable.Range(0, 2).Select(_ => DockWorld.FinalizeSample(store, 1, 8_000, random)).ToList();
        using var otherDistrict = DistrictKeyPair.Generate(DistrictSuite.P256);
        var host = new HostDocking(world.DistrictStore, world.DockKey, otherDistrict, world.Staging, world.Log) { AnswerTimeout = TimeSpan.FromSeconds(2) };
        var cable = new FaultyCable();
        var (entry, error, _) = await Exchange.RunAsync(world, store, cable.HostEnd, cable.TerminalEnd, host);
        Assert.IsNull(error, error?.ToString());
        Assert.IsEmpty(entry!.Committed);
        CollectionAssert.AreEqual(new long[] { 1, 2 }, entry.Quarantined.Select(q => q.Sequence).ToList());
        StringAssert.Contains(entry.Error, "已隔离");
        StringAssert.Contains(entry.Quarantined[0].Reason, "无法用本区密钥打开");
        Assert.IsTrue(entry.Receipts.All(r => r.Sequences.Count == 0), "nothing quarantined is receipted");
        Assert.HasCount(2, store.Outbox(), "the terminal keeps what the district could not verify");
        foreach (var item in finalized)
        {
            Assert.IsNull(await world.DistrictStore.RecordAsync(item.RecordId, item.Version));
        }
        var kept = await world.DistrictStore.QuarantinedAsync(DockWorld.TerminalId);
        Assert.HasCount(2, kept);
        var manifest = await new Terminal.Dock.Handheld.StoreDockTarget(store).EntriesAsync(CancellationToken.None);
        CollectionAssert.AreEqual(manifest.Select(m => m.Sha256).ToList(), kept.Select(k => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(k.Bytes))).ToList(), "kept whole, as received");
        Assert.IsGreaterThan(0L, entry.AuditThrough, "the terminal's audit entries are committed all the same");

        // the next docking neither fetches them again nor receipts them: they wait for a technician
        var next = new FaultyCable();
        var (again, againError, _) = await Exchange.RunAsync(world, store, next.HostEnd, next.TerminalEnd, host);
        Assert.IsNull(againError, againError?.ToString());
        Assert.AreEqual(0L, again!.PayloadBytes);
        Assert.HasCount(2, again.Quarantined);
        Assert.HasCount(2, store.Outbox());
        Assert.HasCount(2, await world.DistrictStore.QuarantinedAsync(DockWorld.TerminalId));
        Assert.IsEmpty(DockLog.Verify(world.LogPath));
    }

    [TestMethod]
    public async Task Docking_AuditChainThatDoesNotContinueWhatTheDistrictHolds_FailsSayingSoAndCommitsNothing()
    {
        using var world = await DockWorld.CreateAsync();
        using var store = world.OpenStore();
        var random = new Random(8);
        DockWorld.FinalizeSample(store, 0, 0, random);
        var cable = new FaultyCable();
        var (first, error, _) = await Exchange.RunAsync(world, store, cable.HostEnd, cable.TerminalEnd, world.Host(answerTimeout: TimeSpan.FromSeconds(2)));
        Assert.IsNull(error, error?.ToString());
        Assert.IsGreaterThan(0L, first!.AuditThrough);
        // the district's copy of the last entry is replaced by another entry with the same number: the chains now differ
        var held = store.AuditLog().Single(e => e.Sequence == first.AuditThrough);
        var before = store.AuditLog().SingleOrDefault(e => e.Sequence == held.Sequence - 1);
        var forged = AuditChain.Next(before, held.At, AuditAction.Edit, held.OperatorId, "", "forged");
        await using (var c = await world.Database.OpenAsync(CancellationToken.None))
        await using (var command = c.CreateCommand())
        {
            command.CommandText = "UPDATE audit_entries SET body = $body, entry_sha256 = $sha WHERE sequence = $sequence";
            AddParameter(command, "$body", AuditEntryCodec.Encode(forged));
            AddParameter(command, "$sha", Convert.ToHexStringLower(forged.Hash.Span));
            AddParameter(command, "$sequence", held.Sequence);
            Assert.AreEqual(1, await command.ExecuteNonQueryAsync());
        }
        var item = DockWorld.FinalizeSample(store, 0, 0, random);
        var next = new FaultyCable();
        var (_, refused, _) = await Exchange.RunAsync(world, store, next.HostEnd, next.TerminalEnd, world.Host(answerTimeout: TimeSpan.FromSeconds(2)));
        Assert.IsInstanceOfType<DockProtocolException>(refused);
        StringAssert.Contains(refused.Message, "审计链");
        Assert.IsNull(await world.DistrictStore.RecordAsync(item.RecordId, item.Version), "nothing committed");
        Assert.HasCount(1, store.Outbox(), "nothing purged");
        var failed = world.Log.Entries()[^1];
        Assert.AreEqual("failed", failed.Outcome);
        StringAssert.Contains(failed.Error, "审计链");
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}

using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage.Tests;

/// <summary>The dock's records in the district database (<see cref="IDistrictDockStore"/>), on both databases.</summary>
public abstract partial class DistrictStoreContract
{
    [TestMethod]
    public async Task PushQueue_QueuedAnsweredAndReopened_KeepsOrderAndWhatIsNotYetApplied()
    {
        var at = DateTimeOffset.UtcNow;
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await Store.QueuePushAsync(new QueuedPush(id, "T650105-04", 2 + i, [(byte)'{', (byte)'}'], at));
        }
        await Store.QueuePushAsync(new QueuedPush(ids[0], "T650105-04", 2, [0], at)); // the same id again changes nothing
        await Store.PushAnsweredAsync("T650105-04", ids[0], applied: true, "", at);
        await Store.PushAnsweredAsync("T650105-04", ids[2], applied: false, "PIN 不符合要求", at);
        var reopened = await new DistrictStore(Database).PendingPushesAsync("T650105-04");
        CollectionAssert.AreEqual(new[] { ids[1], ids[2] }, reopened.Select(p => p.PushId).ToList());
        Assert.AreEqual("pending", reopened[0].Status);
        Assert.AreEqual("refused", reopened[1].Status);
        Assert.AreEqual("PIN 不符合要求", reopened[1].Answer);
        CollectionAssert.AreEqual(new byte[] { (byte)'{', (byte)'}' }, reopened[0].Body);
        await Store.PushAnsweredAsync("T650105-04", ids[0], applied: false, "late", at); // an applied push stays applied
        Assert.HasCount(2, await Store.PendingPushesAsync("T650105-04"));
        Assert.IsEmpty(await Store.PendingPushesAsync("T650105-99"));
    }

    [TestMethod]
    public async Task Quarantine_SamePackageTwice_KeptOnceWithItsBytesAndReason()
    {
        var package = new QuarantinedPackage("T650105-04", 7, new string('a', 64), "x/v1", "无法用本区密钥打开", DateTimeOffset.UtcNow, [1, 2, 3]);
        await Store.QuarantineAsync(package);
        await Store.QuarantineAsync(package with { Reason = "again" });
        var kept = (await Store.QuarantinedAsync("T650105-04")).Single();
        Assert.AreEqual(7, kept.Sequence);
        Assert.AreEqual("无法用本区密钥打开", kept.Reason);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, kept.Bytes);
    }

    [TestMethod]
    public async Task Quarantine_Released_IsNoLongerHeldAndAFailureAgainQuarantinesItAnew()
    {
        var package = new QuarantinedPackage("T650105-04", 7, new string('a', 64), "x/v1", "无法用本区密钥打开", DateTimeOffset.UtcNow, [1, 2, 3]);
        var other = package with { Sequence = 8, Sha256 = new string('b', 64) };
        await Store.QuarantineAsync(package);
        await Store.QuarantineAsync(other);
        Assert.AreEqual(2, (await Store.QuarantineCountsAsync())["T650105-04"]);

        Assert.IsTrue(await Store.ReleaseQuarantinedAsync("T650105-04", 7, package.Sha256, "admin1", DateTimeOffset.UtcNow));
        Assert.IsFalse(await Store.ReleaseQuarantinedAsync("T650105-04", 7, package.Sha256, "admin1", DateTimeOffset.UtcNow), "released once");
        Assert.IsFalse(await Store.ReleaseQuarantinedAsync("T650105-04", 7, new string('c', 64), "admin1", DateTimeOffset.UtcNow), "no such package");
        Assert.AreEqual(8, (await new DistrictStore(Database).QuarantinedAsync("T650105-04")).Single().Sequence);
        Assert.AreEqual(1, (await Store.QuarantineCountsAsync())["T650105-04"]);

        await Store.QuarantineAsync(package with { Reason = "仍无法打开" });
        var again = (await Store.QuarantinedAsync("T650105-04"))[0];
        Assert.AreEqual((7L, "仍无法打开"), (again.Sequence, again.Reason));
        Assert.AreEqual(2, (await Store.QuarantineCountsAsync())["T650105-04"]);
    }

    [TestMethod]
    public async Task LastAuditEntry_AfterCommits_IsTheHighestSequenceHeld()
    {
        Assert.IsNull(await Store.LastAuditEntryAsync("T650105-04"));
        await Store.CommitAsync(new IngestBatch("T650105-04", DateTimeOffset.UtcNow, [], [],
            [new AuditEntry(1, "Login", DateTimeOffset.UtcNow, new string('1', 64), new string('0', 64), [1]), new AuditEntry(2, "Dock", DateTimeOffset.UtcNow, new string('2', 64), new string('1', 64), [2])]));
        var last = await Store.LastAuditEntryAsync("T650105-04");
        Assert.AreEqual(2, last!.Sequence);
        CollectionAssert.AreEqual(new byte[] { 2 }, last.Body);
    }
}

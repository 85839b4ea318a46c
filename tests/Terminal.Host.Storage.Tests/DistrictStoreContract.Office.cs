using Terminal.Host.Storage.Model;
using Terminal.Testing;

namespace Terminal.Host.Storage.Tests;

/// <summary>The office's data: accounts with lockout counting, the append-only office audit, the roster and the dashboard's queries.</summary>
public abstract partial class DistrictStoreContract
{
    private static StaffAccount Account(string name, StaffRole role = StaffRole.Reviewer) =>
        new(name, "审核员甲", role, new StoredPassword([1, 2, 3], [4, 5], 19456, 2, 1), false, 0, null);

    [TestMethod]
    public async Task Accounts_AddTwice_SecondIsRefusedAndTheFirstKept()
    {
        Assert.IsTrue(await Store.AddAccountAsync(Account("li.ming"), DateTimeOffset.UtcNow));
        Assert.IsFalse(await Store.AddAccountAsync(Account("li.ming", StaffRole.Administrator), DateTimeOffset.UtcNow));
        var back = await Store.AccountAsync("li.ming");
        Assert.IsNotNull(back);
        Assert.AreEqual(StaffRole.Reviewer, back.Role);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, back.Password.Hash);
        Assert.AreEqual(19456, back.Password.MemoryKiB);
        Assert.IsNull(await Store.AccountAsync("' OR '1'='1"));
    }

    [TestMethod]
    public async Task Accounts_FailuresReachTheLimit_LockUntilAndANewPasswordUnlocks()
    {
        await Store.AddAccountAsync(Account("li.ming"), DateTimeOffset.UtcNow);
        var until = DateTimeOffset.UtcNow.AddMinutes(15);
        Assert.AreEqual(1, await Store.CountFailedLoginAsync("li.ming", 3, until));
        Assert.AreEqual(2, await Store.CountFailedLoginAsync("li.ming", 3, until));
        Assert.IsNull((await Store.AccountAsync("li.ming"))!.LockedUntil);
        Assert.AreEqual(3, await Store.CountFailedLoginAsync("li.ming", 3, until));
        Assert.AreEqual(until.ToUnixTimeSeconds(), (await Store.AccountAsync("li.ming"))!.LockedUntil!.Value.ToUnixTimeSeconds());
        Assert.IsTrue(await Store.SetPasswordAsync("li.ming", new StoredPassword([9], [8], 19456, 2, 1), DateTimeOffset.UtcNow));
        var after = await Store.AccountAsync("li.ming");
        Assert.IsNull(after!.LockedUntil);
        Assert.AreEqual(0, after.FailedLogins);
        Assert.IsTrue(await Store.SetDisabledAsync("li.ming", true, DateTimeOffset.UtcNow));
        Assert.IsTrue((await Store.AccountAsync("li.ming"))!.Disabled);
        Assert.IsFalse(await Store.SetDisabledAsync("nobody", true, DateTimeOffset.UtcNow));
    }

    [TestMethod]
    public async Task OfficeAudit_Appended_IsReadBackBySubjectNewestFirst()
    {
        await Store.AppendAuditAsync(new OfficeAuditEntry(DateTimeOffset.UtcNow, "li.ming", "查看记录", "record:a", "第 1 版"));
        await Store.AppendAuditAsync(new OfficeAuditEntry(DateTimeOffset.UtcNow, "wang", "查看记录", "record:b", "<script>"));
        await Store.AppendAuditAsync(new OfficeAuditEntry(DateTimeOffset.UtcNow, "wang", "核实问题", "record:a", "第 1 版第 1 项"));
        var a = await Store.AuditAsync("record:a");
        Assert.HasCount(2, a);
        Assert.AreEqual("核实问题", a[0].Action);
        Assert.HasCount(3, await Store.AuditAsync(null));
        Assert.AreEqual("<script>", (await Store.AuditAsync("record:b"))[0].Detail);
    }

    [TestMethod]
    public async Task Roster_Imported_SetsExpectedCountsPerPointAndStreetAndListsWhoIsNotYetSeen()
    {
        var seen = SampleRecords.IdNumberFor(new DateOnly(1965, 3, 12));
        var notSeen = SampleRecords.IdNumberFor(new DateOnly(1952, 8, 17), 35);
        await Store.ImportRosterAsync(
        [
            new RosterEntry(seen, "张建国", "650105007", "650105-04"),
            new RosterEntry(notSeen, "阿不都热合曼·买买提", "650105007", "650105-04"),
            new RosterEntry(SampleRecords.IdNumberFor(new DateOnly(1960, 10, 10), 45), "赵家贵", "650105014", "650105-04"),
            new RosterEntry(SampleRecords.IdNumberFor(new DateOnly(1970, 1, 1), 55), "<script>alert(1)</script>", "650105005", "650105-01"),
        ], DateTimeOffset.UtcNow);
        await Store.CommitAsync(Batch((RecordFor(seen, "张建国"), 1)));
        var points = await Store.ProgressAsync();
        Assert.AreEqual(3, points.Single(p => p.CollectionPointCode == "650105-04").Expected);
        Assert.AreEqual(1, points.Single(p => p.CollectionPointCode == "650105-04").Collected);
        Assert.AreEqual(0, points.Single(p => p.CollectionPointCode == "650105-02").Expected, "the import replaced the 100 of the set-up");
        var street = (await Store.StreetProgressAsync()).Single(s => s.Street == "650105007");
        Assert.AreEqual((2L, 1L), (street.Expected, street.Collected));
        var missing = await Store.NotYetSeenAsync("650105-04");
        CollectionAssert.AreEquivalent(new[] { "阿不都热合曼·买买提", "赵家贵" }, missing.Select(m => m.Name).ToArray());
        Assert.HasCount(3, await Store.NotYetSeenAsync(null));
        Assert.IsEmpty(await Store.NotYetSeenAsync("' OR 1=1 --"));
        await Store.ImportRosterAsync([new RosterEntry(notSeen, "阿不都热合曼·买买提", "650105007", "650105-04")], DateTimeOffset.UtcNow);
        Assert.HasCount(1, await Store.NotYetSeenAsync(null), "a new import replaces the old");
    }

    [TestMethod]
    public async Task TerminalProgress_CountsRecordsVersionsAndGaps()
    {
        await Store.RegisterTerminalAsync(new TerminalRegistration("T650105-05", "650105-05", [4], DateTimeOffset.UtcNow));
        var id = Guid.NewGuid();
        await Store.CommitAsync(Batch(
            (RecordFor(SampleRecords.IdNumberFor(new DateOnly(1960, 1, 1), 11), "甲", id, 1), 1),
            (RecordFor(SampleRecords.IdNumberFor(new DateOnly(1960, 1, 1), 11), "甲", id, 2), 2),
            (RecordFor(SampleRecords.IdNumberFor(new DateOnly(1960, 1, 2), 11), "乙"), 5)));
        var rows = await Store.TerminalProgressAsync();
        var t = rows.Single(r => r.TerminalId == "T650105-04");
        Assert.AreEqual((2L, 3L, 5L, 2L), (t.Records, t.Versions, t.HighestSequence, t.MissingSequences));
        Assert.IsNotNull(t.LastDockedAt);
        var idle = rows.Single(r => r.TerminalId == "T650105-05");
        Assert.AreEqual((0L, 0L, (DateTimeOffset?)null), (idle.Records, idle.MissingSequences, idle.LastDockedAt));
        var versions = await Store.RecordVersionsAsync(id);
        CollectionAssert.AreEqual(new[] { 1, 2 }, versions.Select(v => v.Version).ToArray());
        var signature = await Store.SignatureAsync(id, 2);
        Assert.IsNotNull(signature);
        CollectionAssert.AreEqual(new byte[] { 9, 9, 9 }, signature.Strokes);
    }
}

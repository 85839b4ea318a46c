using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;

namespace Terminal.Storage.Tests.Keys;

[TestClass]
public sealed class KeySlotTests
{
    private static readonly PinLockoutOptions Lockout = new();
    private static readonly DateTimeOffset Now = new(2018, 11, 5, 9, 0, 0, TimeSpan.FromHours(8));

    [TestMethod]
    public void TryUnwrap_RightPin_GivesTheDataKey()
    {
        using var key = DataKey.Generate();
        var slot = KeySlot.ForOperator("op-0401", "246810", key, Argon2idOptions.Cheap);
        using var unwrapped = slot.TryUnwrap("246810");
        Assert.IsNotNull(unwrapped);
        Assert.IsTrue(unwrapped.Bytes.SequenceEqual(key.Bytes));
    }

    [TestMethod]
    public void TryUnwrap_WrongPin_GivesNull()
    {
        using var key = DataKey.Generate();
        var slot = KeySlot.ForOperator("op-0401", "246810", key, Argon2idOptions.Cheap);
        Assert.IsNull(slot.TryUnwrap("246811"));
    }

    [TestMethod]
    public void ForOperator_SamePinTwice_UsesFreshSaltsAndWraps()
    {
        using var key = DataKey.Generate();
        var a = KeySlot.ForOperator("op-0401", "246810", key, Argon2idOptions.Cheap);
        var b = KeySlot.ForOperator("op-0401", "246810", key, Argon2idOptions.Cheap);
        CollectionAssert.AreNotEqual(a.Salt, b.Salt);
        CollectionAssert.AreNotEqual(a.WrappedKey, b.WrappedKey);
        Assert.IsLessThan(0, a.WrappedKey.AsSpan().IndexOf(key.Bytes), "the data key must not appear in the clear");
    }

    [TestMethod]
    public void TryUnwrap_RecoveryKey_GivesTheDataKeyOnlyForTheRightKey()
    {
        using var key = DataKey.Generate();
        using var recovery = RecoveryKey.Generate();
        using var other = RecoveryKey.Generate();
        var slot = KeySlot.ForRecovery(recovery, key);
        using var unwrapped = slot.TryUnwrap(recovery);
        Assert.IsNotNull(unwrapped);
        Assert.IsTrue(unwrapped.Bytes.SequenceEqual(key.Bytes));
        Assert.IsNull(slot.TryUnwrap(other));
    }

    [TestMethod]
    public void AfterWrongPin_FiveInARow_LocksWithGrowingWaitsBefore()
    {
        using var key = DataKey.Generate();
        var slot = KeySlot.ForOperator("op-0401", "246810", key, Argon2idOptions.Cheap);
        var now = Now;
        var waits = new List<TimeSpan>();
        LoginResult result = null!;
        for (var i = 0; i < 5; i++)
        {
            Assert.IsNull(slot.RefusalBeforeCheck(now, Lockout));
            slot.CountAttempt(now);
            result = slot.AfterWrongPin(Lockout);
            waits.Add(result.RetryAfter);
            now += result.RetryAfter;
        }
        Assert.AreEqual(LoginOutcome.Locked, result.Outcome);
        CollectionAssert.AreEqual(new[] { 2, 4, 8, 16, 0 }, waits.Select(w => (int)w.TotalSeconds).ToArray());
        Assert.AreEqual(LoginOutcome.Locked, slot.RefusalBeforeCheck(now.AddDays(1), Lockout)!.Outcome);
    }

    [TestMethod]
    public void RefusalBeforeCheck_TriedAgainTooSoon_SaysHowLongToWait()
    {
        using var key = DataKey.Generate();
        var slot = KeySlot.ForOperator("op-0401", "246810", key, Argon2idOptions.Cheap);
        slot.CountAttempt(Now);
        slot.AfterWrongPin(Lockout);
        slot.CountAttempt(Now.AddSeconds(3));
        slot.AfterWrongPin(Lockout);
        var refusal = slot.RefusalBeforeCheck(Now.AddSeconds(4), Lockout);
        Assert.IsNotNull(refusal);
        Assert.AreEqual(LoginOutcome.TooSoon, refusal.Outcome);
        Assert.AreEqual("请等待 3 秒后再输入 PIN。", refusal.Message);
    }

    [TestMethod]
    public void RefusalBeforeCheck_CountReachedButLockNeverWritten_IsLocked()
    {
        using var key = DataKey.Generate();
        var slot = KeySlot.ForOperator("op-0401", "246810", key, Argon2idOptions.Cheap);
        slot.FailedAttempts = 5;
        Assert.AreEqual(LoginOutcome.Locked, slot.RefusalBeforeCheck(Now, Lockout)!.Outcome);
    }

    [TestMethod]
    public void Message_WrongPin_SaysRemainingTriesAndWaitInChinese() =>
        Assert.AreEqual("PIN 不正确：还可以再试 3 次，请等待 4 秒后重新输入。", new LoginResult(LoginOutcome.WrongPin, 3, TimeSpan.FromSeconds(4)).Message);
}

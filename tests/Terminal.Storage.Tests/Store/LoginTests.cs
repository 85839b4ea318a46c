using Terminal.Storage.Audit;
using Terminal.Storage.Keys;
using Terminal.Storage.Store;
using Terminal.Storage.Tests.Support;

namespace Terminal.Storage.Tests.Store;

/// <summary>Login through the store: counted on disk, growing waits, lock after 5, recovery-key unlock.</summary>
[TestClass]
public sealed class LoginTests
{
    [TestMethod]
    public void Login_RightPin_Succeeds()
    {
        using var f = new StoreFixture();
        var result = f.Reopen().Login(StoreFixture.OperatorId, StoreFixture.Pin);
        Assert.AreEqual(LoginOutcome.Success, result.Outcome);
        Assert.IsTrue(f.Store.IsLoggedIn);
        Assert.AreEqual(AuditAction.Login, f.Store.AuditLog()[^1].Action);
    }

    [TestMethod]
    public void Login_FiveWrongPins_LocksEvenForTheRightPinUntilRecoveryUnlock()
    {
        var time = new ManualTime();
        using var f = new StoreFixture(time: time);
        var store = f.Reopen();
        for (var i = 1; i <= 5; i++)
        {
            var wrong = store.Login(StoreFixture.OperatorId, "000000");
            Assert.AreEqual(i < 5 ? LoginOutcome.WrongPin : LoginOutcome.Locked, wrong.Outcome);
            time.Advance(wrong.RetryAfter);
            store = f.Reopen();
        }
        Assert.AreEqual(LoginOutcome.Locked, store.Login(StoreFixture.OperatorId, StoreFixture.Pin).Outcome);
        Assert.IsFalse(store.IsLoggedIn);

        store.UnlockWithRecoveryKey(RecoveryKey.Parse(f.Recovery.ToDisplayText()), StoreFixture.OperatorId, "135790");
        Assert.AreEqual(LoginOutcome.Success, f.Reopen().Login(StoreFixture.OperatorId, "135790").Outcome);
        Assert.AreEqual(5, f.Store.AuditLog().Count(e => e.Action == AuditAction.FailedPin && e.Detail.Length == 1));
    }

    [TestMethod]
    public void Login_AgainBeforeTheWait_IsRefusedWithoutCheckingThePin()
    {
        var time = new ManualTime();
        using var f = new StoreFixture(time: time);
        var store = f.Reopen();
        Assert.AreEqual(TimeSpan.FromSeconds(2), store.Login(StoreFixture.OperatorId, "000000").RetryAfter);
        store = f.Reopen();
        var tooSoon = store.Login(StoreFixture.OperatorId, StoreFixture.Pin);
        Assert.AreEqual(LoginOutcome.TooSoon, tooSoon.Outcome);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.AreEqual(LoginOutcome.Success, store.Login(StoreFixture.OperatorId, StoreFixture.Pin).Outcome);
    }

    [TestMethod]
    public void UnlockWithRecoveryKey_AnotherTerminalsKey_IsRefused()
    {
        using var f = new StoreFixture();
        using var other = RecoveryKey.Generate();
        Assert.AreEqual(StoreError.WrongRecoveryKey, Assert.ThrowsExactly<StoreException>(() => f.Reopen().UnlockWithRecoveryKey(other, StoreFixture.OperatorId, "135790")).Error);
    }

    [TestMethod]
    public void Login_UnknownOperator_SaysSoInChinese()
    {
        using var f = new StoreFixture();
        var result = f.Reopen().Login("op-9999", StoreFixture.Pin);
        Assert.AreEqual(LoginOutcome.UnknownOperator, result.Outcome);
        StringAssert.StartsWith(result.Message, "本终端没有这个操作员");
    }

    [TestMethod]
    public void SetOperatorPin_NewOperator_CanLogIn()
    {
        using var f = new StoreFixture();
        f.Store.SetOperatorPin("op-0402", "975310");
        Assert.IsTrue(f.Reopen().Login("op-0402", "975310").Succeeded);
        Assert.AreEqual(StoreError.PinRejected, Assert.ThrowsExactly<StoreException>(() => f.Store.SetOperatorPin("op-0403", "12")).Error);
    }
}

using System.Globalization;
using LiteDB;
using Terminal.Storage.Audit;
using Terminal.Storage.Keys;

namespace Terminal.Storage.Store;

public sealed partial class TerminalStore
{
    /// <summary>
    /// Logs an operator in with the PIN. The attempt is counted on disk before the PIN is checked; a wrong PIN
    /// makes the next try wait longer, and the last allowed one locks the operator until a technician unlocks with
    /// the recovery key. Every attempt is audited.
    /// </summary>
    public LoginResult Login(string operatorId, string pin)
    {
        ArgumentNullException.ThrowIfNull(operatorId);
        ArgumentNullException.ThrowIfNull(pin);
        lock (_gate)
        {
            var keys = Database.GetCollection<KeySlot>(StoreMapper.Keys);
            var slot = keys.FindOne(x => x.Name == operatorId && x.Kind == KeySlotKind.OperatorPin);
            if (slot is null)
            {
                Write(db => Audited(db, AuditAction.FailedPin, "unknown-operator", operatorId));
                return new LoginResult(LoginOutcome.UnknownOperator, 0, TimeSpan.Zero);
            }
            var now = _time.GetUtcNow();
            if (slot.RefusalBeforeCheck(now, _options.PinLockout) is { } refusal)
            {
                Write(db => Audited(db, AuditAction.FailedPin, refusal.Outcome == LoginOutcome.Locked ? "locked" : "too-soon", operatorId));
                return refusal;
            }
            slot.CountAttempt(now);
            Write(db => db.GetCollection<KeySlot>(StoreMapper.Keys).Update(slot));
            var dataKey = slot.TryUnwrap(pin);
            if (dataKey is null)
            {
                var result = slot.AfterWrongPin(_options.PinLockout);
                Write(db =>
                {
                    db.GetCollection<KeySlot>(StoreMapper.Keys).Update(slot);
                    return Audited(db, AuditAction.FailedPin, slot.FailedAttempts.ToString(CultureInfo.InvariantCulture), operatorId);
                });
                return result;
            }
            _session?.Dispose();
            _session = Session.Open(operatorId, dataKey, _terminal.SigningPrivateKey);
            slot.ResetAttempts();
            Write(db =>
            {
                db.GetCollection<KeySlot>(StoreMapper.Keys).Update(slot);
                return Audited(db, AuditAction.Login, "", null);
            });
            return new LoginResult(LoginOutcome.Success, _options.PinLockout.MaxFailures, TimeSpan.Zero);
        }
    }

    /// <summary>Logs out: the keys held in memory are zeroed.</summary>
    public void Logout()
    {
        lock (_gate)
        {
            _session?.Dispose();
            _session = null;
        }
    }

    /// <summary>
    /// The technician's unlock: with this terminal's recovery key, sets a new PIN for the operator (locked or not, new
    /// or existing) and clears the wrong-PIN count. Throws <see cref="StoreException"/> for a wrong recovery key.
    /// </summary>
    public void UnlockWithRecoveryKey(RecoveryKey recoveryKey, string operatorId, string newPin)
    {
        ArgumentNullException.ThrowIfNull(recoveryKey);
        RequireAcceptablePin(newPin);
        lock (_gate)
        {
            var keys = Database.GetCollection<KeySlot>(StoreMapper.Keys);
            var recovery = keys.FindOne(x => x.Kind == KeySlotKind.Recovery);
            using var dataKey = recovery?.TryUnwrap(recoveryKey);
            if (dataKey is null)
            {
                Write(db => Audited(db, AuditAction.FailedPin, "recovery-key", operatorId));
                throw new StoreException(StoreError.WrongRecoveryKey, "恢复密钥不对：不是本终端的恢复密钥，请核对终端编号后重试。");
            }
            ReplaceOperatorSlot(KeySlot.ForOperator(operatorId, newPin, dataKey, _options.Argon2id), AuditAction.Unlock);
        }
    }

    /// <summary>Adds an operator, or sets a new PIN for one (requires a logged-in operator).</summary>
    public void SetOperatorPin(string operatorId, string pin)
    {
        RequireAcceptablePin(pin);
        lock (_gate)
        {
            ReplaceOperatorSlot(KeySlot.ForOperator(operatorId, pin, RequireSession().DataKey, _options.Argon2id), AuditAction.OperatorAdded);
        }
    }

    private void ReplaceOperatorSlot(KeySlot slot, AuditAction action) => Write(db =>
    {
        var keys = db.GetCollection<KeySlot>(StoreMapper.Keys);
        keys.DeleteMany(x => x.Name == slot.Name && x.Kind == KeySlotKind.OperatorPin);
        keys.Insert(slot);
        return Audited(db, action, "", slot.Name);
    });

    private int Audited(LiteDatabase db, AuditAction action, string detail, string? operatorId)
    {
        AppendAudit(db, action, "", detail, operatorId);
        return 0;
    }
}

using System.Security.Cryptography;
using Terminal.Storage.Sealing;

namespace Terminal.Storage.Keys;

/// <summary>
/// The data key wrapped once (AES-256-GCM, <see cref="DataKeySeal"/>, purpose "data-key", the slot id as context)
/// under a key-encryption key: an operator's Argon2id PIN key, or the recovery key. Also the slot's wrong-PIN
/// counter. Nothing in a slot is secret in the clear; the store persists it as is.
/// </summary>
internal sealed class KeySlot
{
    private const string Purpose = "data-key";

    public Guid Id { get; set; }

    public KeySlotKind Kind { get; set; }

    /// <summary>The operator's id (for <see cref="KeySlotKind.OperatorPin"/>), or "recovery".</summary>
    public string Name { get; set; } = "";

    public byte[] Salt { get; set; } = [];

    public int MemoryKiB { get; set; }

    public int Iterations { get; set; }

    public int Parallelism { get; set; }

    public byte[] WrappedKey { get; set; } = [];

    /// <summary>Wrong PINs in a row (counted before the PIN is checked, reset on success).</summary>
    public int FailedAttempts { get; set; }

    /// <summary>When the last attempt that counted began.</summary>
    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>Locked after the last allowed wrong PIN: only the recovery key unlocks it.</summary>
    public bool Locked { get; set; }

    public Argon2idOptions Argon2id => new() { MemoryKiB = MemoryKiB, Iterations = Iterations, Parallelism = Parallelism };

    /// <summary>A slot for an operator: the data key wrapped under the key derived from <paramref name="pin"/>.</summary>
    public static KeySlot ForOperator(string operatorId, ReadOnlySpan<char> pin, DataKey dataKey, Argon2idOptions options)
    {
        var slot = new KeySlot
        {
            Id = Guid.NewGuid(),
            Kind = KeySlotKind.OperatorPin,
            Name = operatorId,
            Salt = RandomNumberGenerator.GetBytes(PinKey.SaltLength),
            MemoryKiB = options.MemoryKiB,
            Iterations = options.Iterations,
            Parallelism = options.Parallelism,
        };
        var kek = PinKey.Derive(pin, slot.Salt, options);
        slot.WrappedKey = Wrap(kek, slot.Id, dataKey);
        return slot;
    }

    /// <summary>The recovery slot.</summary>
    public static KeySlot ForRecovery(RecoveryKey recovery, DataKey dataKey)
    {
        var slot = new KeySlot { Id = Guid.NewGuid(), Kind = KeySlotKind.Recovery, Name = "recovery", Salt = RandomNumberGenerator.GetBytes(PinKey.SaltLength) };
        slot.WrappedKey = Wrap(recovery.DeriveWrappingKey(slot.Salt), slot.Id, dataKey);
        return slot;
    }

    /// <summary>The data key, or null when the PIN is wrong.</summary>
    public DataKey? TryUnwrap(ReadOnlySpan<char> pin) => Unwrap(PinKey.Derive(pin, Salt, Argon2id));

    /// <summary>The data key, or null when it is not this terminal's recovery key.</summary>
    public DataKey? TryUnwrap(RecoveryKey recovery) => Unwrap(recovery.DeriveWrappingKey(Salt));

    /// <summary>
    /// Locked or too soon after the last wrong PIN: the refusal, without checking the PIN. Null when the PIN may
    /// be checked. A slot whose count reached the maximum is locked even when the lock flag was never written
    /// (the process died while checking).
    /// </summary>
    public LoginResult? RefusalBeforeCheck(DateTimeOffset now, PinLockoutOptions options)
    {
        if (Locked || FailedAttempts >= options.MaxFailures)
        {
            return new LoginResult(LoginOutcome.Locked, 0, TimeSpan.Zero);
        }
        var wait = LastAttemptAt is { } last ? last + options.DelayAfter(FailedAttempts) - now : TimeSpan.Zero;
        var clockWentBack = LastAttemptAt is { } l && now < l;
        return wait > TimeSpan.Zero && !clockWentBack
            ? new LoginResult(LoginOutcome.TooSoon, options.MaxFailures - FailedAttempts, wait)
            : null;
    }

    /// <summary>Counts the attempt before the PIN is checked (persisted first, so killing the process mid-check still counts).</summary>
    public void CountAttempt(DateTimeOffset now)
    {
        FailedAttempts++;
        LastAttemptAt = now;
    }

    /// <summary>After a wrong PIN: locks at the maximum; the result for the operator.</summary>
    public LoginResult AfterWrongPin(PinLockoutOptions options)
    {
        if (FailedAttempts >= options.MaxFailures)
        {
            Locked = true;
            return new LoginResult(LoginOutcome.Locked, 0, TimeSpan.Zero);
        }
        return new LoginResult(LoginOutcome.WrongPin, options.MaxFailures - FailedAttempts, options.DelayAfter(FailedAttempts));
    }

    /// <summary>After the right PIN or a recovery unlock.</summary>
    public void ResetAttempts()
    {
        FailedAttempts = 0;
        LastAttemptAt = null;
        Locked = false;
    }

    private static byte[] Wrap(byte[] kek, Guid id, DataKey dataKey)
    {
        try
        {
            return DataKeySeal.Seal(kek, new SealingContext(Purpose, id, 0), dataKey.Bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(kek);
        }
    }

    private DataKey? Unwrap(byte[] kek)
    {
        byte[]? raw = null;
        try
        {
            raw = DataKeySeal.Open(kek, new SealingContext(Purpose, Id, 0), WrappedKey);
            return DataKey.FromBytes(raw);
        }
        catch (BrokenSealException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(kek);
            if (raw is not null)
            {
                CryptographicOperations.ZeroMemory(raw);
            }
        }
    }
}

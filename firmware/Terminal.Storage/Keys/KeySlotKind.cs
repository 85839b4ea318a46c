namespace Terminal.Storage.Keys;

/// <summary>What unwraps a key slot.</summary>
public enum KeySlotKind
{
    /// <summary>An operator's PIN through Argon2id.</summary>
    OperatorPin = 1,

    /// <summary>The technician's recovery key.</summary>
    Recovery = 2,
}

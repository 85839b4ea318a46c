namespace Terminal.Storage.Store;

/// <summary>Why a store operation was refused.</summary>
public enum StoreError
{
    /// <summary>No operator is logged in.</summary>
    NotLoggedIn = 1,

    /// <summary>The folder holds no store (the terminal is not provisioned).</summary>
    NotProvisioned = 2,

    /// <summary>The folder already holds a store.</summary>
    AlreadyProvisioned = 3,

    /// <summary>Another program has the store open.</summary>
    InUse = 4,

    /// <summary>Not enough free space: nothing was written.</summary>
    StorageFull = 5,

    /// <summary>Writing failed (the disk filled or failed): the store must be opened again.</summary>
    WriteFailed = 6,

    /// <summary>A photo the record names was not saved with it.</summary>
    PhotoMissing = 7,

    /// <summary>This version of the record was already finalized.</summary>
    AlreadyFinalized = 8,

    /// <summary>The recovery key is not this terminal's.</summary>
    WrongRecoveryKey = 9,

    /// <summary>The PIN does not meet the rule.</summary>
    PinRejected = 10,

    /// <summary>The store's contents do not open (damaged or tampered with).</summary>
    Damaged = 11,

    /// <summary>The record is signed, but the signature's strokes or image were not saved with it.</summary>
    SignatureMissing = 12,

    /// <summary>A correction item's reviewed record is missing, damaged or not the record the item names: dock again.</summary>
    CorrectionUnreadable = 13,

    /// <summary>A correction cannot be opened as asked: not in the list, already corrected, or a version that is not the next.</summary>
    CorrectionRefused = 14,
}

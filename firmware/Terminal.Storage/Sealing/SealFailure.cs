namespace Terminal.Storage.Sealing;

/// <summary>Why a sealed envelope could not be opened.</summary>
public enum SealFailure
{
    /// <summary>Not an envelope of a known format or version (truncated, or another kind of data).</summary>
    UnknownFormat = 1,

    /// <summary>Sealed for another key (the key id in the envelope is not this key's).</summary>
    WrongKey = 2,

    /// <summary>The authentication tag does not match: the bytes, the context or the key differ.</summary>
    Tampered = 3,
}

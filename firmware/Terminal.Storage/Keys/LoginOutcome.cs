namespace Terminal.Storage.Keys;

/// <summary>The outcome of a login attempt.</summary>
public enum LoginOutcome
{
    /// <summary>The PIN unwrapped the data key: the store is open.</summary>
    Success = 1,

    /// <summary>Wrong PIN; the operator may try again after <see cref="LoginResult.RetryAfter"/>.</summary>
    WrongPin = 2,

    /// <summary>Tried again before the wait after the last wrong PIN was over; the PIN was not checked.</summary>
    TooSoon = 3,

    /// <summary>Locked after too many wrong PINs: only the technician's recovery key unlocks.</summary>
    Locked = 4,

    /// <summary>No operator with that id on this terminal.</summary>
    UnknownOperator = 5,
}

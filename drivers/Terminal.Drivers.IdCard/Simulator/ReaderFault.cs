namespace Terminal.Drivers.IdCard.Simulator;

/// <summary>Faults the simulator injects into its next reply, on command.</summary>
public enum ReaderFault
{
    /// <summary>One bit of the reply flipped (after the preamble).</summary>
    BitError,
    /// <summary>The reply's checksum byte wrong.</summary>
    WrongChecksum,
    /// <summary>Only the first half of the reply sent.</summary>
    Truncated,
    /// <summary>The reply sent after a delay longer than any timeout.</summary>
    LongDelay,
    /// <summary>No reply at all.</summary>
    Silence,
    /// <summary>Noise bytes before the reply.</summary>
    Garbage,
    /// <summary>The card taken away during the next read: the read fails (41) and the card is gone.</summary>
    CardRemovedMidRead,
}

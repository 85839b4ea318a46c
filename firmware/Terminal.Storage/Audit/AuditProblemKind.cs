namespace Terminal.Storage.Audit;

/// <summary>What is wrong with an audit log.</summary>
public enum AuditProblemKind
{
    /// <summary>Bytes that do not parse as an entry (truncated or damaged).</summary>
    Malformed = 1,

    /// <summary>An entry whose content no longer matches its hash, or whose hash was changed.</summary>
    Edited = 2,

    /// <summary>Entries missing (sequence numbers skipped).</summary>
    Gap = 3,

    /// <summary>An entry out of order or repeated.</summary>
    Reordered = 4,

    /// <summary>An entry that does not link to the one before it.</summary>
    BrokenLink = 5,

    /// <summary>A checkpoint whose signature is not the terminal's.</summary>
    BadSignature = 6,

    /// <summary>The log does not end in a signed checkpoint: its end may have been cut off.</summary>
    UnsignedEnd = 7,
}

namespace Terminal.Host.Storage;

/// <summary>A batch contradicts what is stored (same record version or sequence with other content, a photo whose bytes do not match its hash): nothing of it was committed.</summary>
public sealed class IngestConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IngestConflictException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public IngestConflictException() : base("the batch contradicts the stored data")
    {
    }

    /// <summary>Creates the exception.</summary>
    public IngestConflictException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

namespace Terminal.Drivers.IdCard.Protocol;

/// <summary>Bytes that cannot be a SAM frame (wrong length, wrong checksum, malformed content).</summary>
public sealed class SamProtocolException : Exception
{
    /// <summary>Creates the exception with a technical description (for logs; the UI shows its own Chinese text).</summary>
    public SamProtocolException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SamProtocolException() : base("malformed SAM frame")
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public SamProtocolException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

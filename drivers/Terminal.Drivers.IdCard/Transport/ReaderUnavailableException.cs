namespace Terminal.Drivers.IdCard.Transport;

/// <summary>The reader cannot be opened or went away; the message is the Chinese text for the field worker.</summary>
public sealed class ReaderUnavailableException : IOException
{
    /// <summary>Creates the exception.</summary>
    public ReaderUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ReaderUnavailableException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ReaderUnavailableException() : base("读卡器未连接")
    {
    }
}

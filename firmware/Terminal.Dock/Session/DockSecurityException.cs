namespace Terminal.Dock.Session;

/// <summary>The other end could not be trusted: unknown terminal, foreign host, bad signature, forged or replayed message.</summary>
public sealed class DockSecurityException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DockSecurityException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DockSecurityException() : base("dock peer not trusted")
    {
    }

    /// <summary>Creates the exception.</summary>
    public DockSecurityException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

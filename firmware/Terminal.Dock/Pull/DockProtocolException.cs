namespace Terminal.Dock.Pull;

/// <summary>The other end answered something that cannot be right; the docking stops and resumes next time.</summary>
public sealed class DockProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DockProtocolException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DockProtocolException() : base("dock protocol error")
    {
    }

    /// <summary>Creates the exception.</summary>
    public DockProtocolException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

namespace Terminal.Firmware.Collection;

/// <summary>A collection cannot begin as asked; the message (Chinese) says what to fix.</summary>
public sealed class CollectionRefusedException : Exception
{
    public CollectionRefusedException(string message)
        : base(message)
    {
    }

    public CollectionRefusedException()
    {
    }

    public CollectionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

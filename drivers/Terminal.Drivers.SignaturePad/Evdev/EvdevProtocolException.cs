namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>
/// Bytes that cannot be 64-bit struct input_event records (a type beyond EV_MAX, microseconds out of range, a read
/// that is not a whole number of records): the wrong layout or a broken transport. A technician's message.
/// </summary>
public sealed class EvdevProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EvdevProtocolException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public EvdevProtocolException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public EvdevProtocolException(string message, Exception innerException) : base(message, innerException)
    {
    }
}

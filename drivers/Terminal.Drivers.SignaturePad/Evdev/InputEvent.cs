namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>One struct input_event: the kernel's timestamp (seconds and microseconds), type, code and value.</summary>
public readonly record struct InputEvent(long Seconds, long Microseconds, ushort Type, ushort Code, int Value)
{
    /// <summary>The timestamp in microseconds.</summary>
    public long TimestampMicroseconds => Seconds * 1_000_000 + Microseconds;
}

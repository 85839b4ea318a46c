namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>
/// The event types and codes the pen reader uses, with the kernel's names (linux/input-event-codes.h; values
/// measured with gcc, devices.md §2). A pen frame is EV_KEY BTN_TOOL_PEN (in range), EV_ABS X / Y / PRESSURE,
/// EV_KEY BTN_TOUCH (tip), then EV_SYN SYN_REPORT; values that did not change are not sent again.
/// </summary>
internal static class InputCodes
{
    internal const ushort EV_SYN = 0x00;
    internal const ushort EV_KEY = 0x01;
    internal const ushort EV_ABS = 0x03;
    internal const ushort EV_MSC = 0x04;

    /// <summary>The largest event type; a record with a larger type is not an input_event of this layout.</summary>
    internal const ushort EV_MAX = 0x1F;

    internal const ushort SYN_REPORT = 0x00;

    /// <summary>The client's queue overflowed: drop events up to and including the next SYN_REPORT, then re-read the state.</summary>
    internal const ushort SYN_DROPPED = 0x03;

    internal const ushort ABS_X = 0x00;
    internal const ushort ABS_Y = 0x01;
    internal const ushort ABS_PRESSURE = 0x18;

    /// <summary>ABS_MAX + 1: bytes of an EV_ABS bitmask = 64 / 8.</summary>
    internal const int ABS_CNT = 0x40;

    internal const ushort BTN_TOOL_PEN = 0x140;
    internal const ushort BTN_TOOL_RUBBER = 0x141;
    internal const ushort BTN_TOUCH = 0x14A;
    internal const ushort BTN_STYLUS = 0x14B;

    /// <summary>KEY_MAX + 1: bytes of an EV_KEY bitmask = 0x300 / 8 = 96.</summary>
    internal const int KEY_CNT = 0x300;

    /// <summary>EV_MAX + 1: bytes of the event-type bitmask = 4.</summary>
    internal const int EV_CNT = 0x20;

    /// <summary>True when bit <paramref name="bit"/> is set in a kernel bitmask (unsigned longs, little-endian: byte n/8, bit n%8).</summary>
    internal static bool HasBit(ReadOnlySpan<byte> bits, int bit) => bit >= 0 && bit / 8 < bits.Length && (bits[bit / 8] & (1 << (bit % 8))) != 0;
}

using System.Buffers.Binary;
using System.Globalization;

namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>
/// struct input_event on 64-bit Linux (linux/input.h; offsets measured with gcc, devices.md §2), 24 bytes:
/// <code>
///  0                 8                 16         18         20          24
///  | tv_sec   (s64)  | tv_usec  (s64)  | type u16 | code u16 | value s32 |
/// </code>
/// The kernel writes it in the machine's byte order: little-endian on both targets (x86_64, arm64). read() on
/// /dev/input/eventN returns whole records. Pure: bytes in, events out.
/// </summary>
public static class InputEventLayout
{
    /// <summary>Bytes in a record.</summary>
    public const int Size = 24;

    private const int SecondsOffset = 0;
    private const int MicrosecondsOffset = 8;
    private const int TypeOffset = 16;
    private const int CodeOffset = 18;
    private const int ValueOffset = 20;

    /// <summary>Reads one record from the front of <paramref name="buffer"/> and advances it; false when fewer than <see cref="Size"/> bytes are left.</summary>
    /// <exception cref="EvdevProtocolException">The record cannot be an input_event of this layout.</exception>
    public static bool TryRead(ref ReadOnlySpan<byte> buffer, out InputEvent inputEvent)
    {
        if (buffer.Length < Size)
        {
            inputEvent = default;
            return false;
        }
        inputEvent = Read(buffer[..Size]);
        buffer = buffer[Size..];
        return true;
    }

    /// <summary>Decodes exactly one record.</summary>
    /// <exception cref="EvdevProtocolException">The record cannot be an input_event of this layout.</exception>
    public static InputEvent Read(ReadOnlySpan<byte> record)
    {
        if (record.Length != Size)
        {
            throw new EvdevProtocolException(string.Create(CultureInfo.InvariantCulture, $"an input_event is {Size} bytes, not {record.Length}"));
        }
        var type = BinaryPrimitives.ReadUInt16LittleEndian(record[TypeOffset..]);
        var microseconds = BinaryPrimitives.ReadInt64LittleEndian(record[MicrosecondsOffset..]);
        if (type > InputCodes.EV_MAX)
        {
            throw new EvdevProtocolException(string.Create(CultureInfo.InvariantCulture,
                $"event type 0x{type:X4} is beyond EV_MAX: not the 64-bit input_event layout (or a torn read)"));
        }
        if (microseconds is < 0 or > 999_999)
        {
            throw new EvdevProtocolException(string.Create(CultureInfo.InvariantCulture,
                $"tv_usec {microseconds} is not a microsecond count: not the 64-bit input_event layout"));
        }
        return new InputEvent(
            BinaryPrimitives.ReadInt64LittleEndian(record[SecondsOffset..]),
            microseconds,
            type,
            BinaryPrimitives.ReadUInt16LittleEndian(record[CodeOffset..]),
            BinaryPrimitives.ReadInt32LittleEndian(record[ValueOffset..]));
    }

    /// <summary>Encodes one record into the first <see cref="Size"/> bytes of <paramref name="destination"/> (the device's side: uinput).</summary>
    public static void Write(in InputEvent inputEvent, Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"an input_event needs {Size} bytes"), nameof(destination));
        }
        BinaryPrimitives.WriteInt64LittleEndian(destination[SecondsOffset..], inputEvent.Seconds);
        BinaryPrimitives.WriteInt64LittleEndian(destination[MicrosecondsOffset..], inputEvent.Microseconds);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[TypeOffset..], inputEvent.Type);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[CodeOffset..], inputEvent.Code);
        BinaryPrimitives.WriteInt32LittleEndian(destination[ValueOffset..], inputEvent.Value);
    }
}

using System.Buffers.Binary;
using System.Globalization;

namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>
/// struct input_absinfo (linux/input.h, 24 bytes, six s32 in the machine's byte order: value @0, minimum @4,
/// maximum @8, fuzz @12, flat @16, resolution @20): an axis's current value, range, noise filter and units per mm.
/// </summary>
public readonly record struct AbsoluteAxis(int Value, int Minimum, int Maximum, int Fuzz = 0, int Flat = 0, int Resolution = 0)
{
    /// <summary>Bytes in the struct.</summary>
    public const int Size = 24;

    private const int ValueOffset = 0;
    private const int MinimumOffset = 4;
    private const int MaximumOffset = 8;
    private const int FuzzOffset = 12;
    private const int FlatOffset = 16;
    private const int ResolutionOffset = 20;

    /// <summary>Maximum − minimum: the axis's span in device units.</summary>
    public int Range => Maximum - Minimum;

    /// <summary>Decodes the struct as EVIOCGABS fills it.</summary>
    public static AbsoluteAxis Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Size)
        {
            throw new EvdevProtocolException(string.Create(CultureInfo.InvariantCulture, $"an input_absinfo is {Size} bytes, not {bytes.Length}"));
        }
        return new AbsoluteAxis(
            BinaryPrimitives.ReadInt32LittleEndian(bytes[ValueOffset..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[MinimumOffset..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[MaximumOffset..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[FuzzOffset..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[FlatOffset..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[ResolutionOffset..]));
    }

    /// <summary>Encodes the struct (the device's side: UI_ABS_SETUP).</summary>
    public void Write(Span<byte> destination)
    {
        if (destination.Length < Size)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"an input_absinfo needs {Size} bytes"), nameof(destination));
        }
        BinaryPrimitives.WriteInt32LittleEndian(destination[ValueOffset..], Value);
        BinaryPrimitives.WriteInt32LittleEndian(destination[MinimumOffset..], Minimum);
        BinaryPrimitives.WriteInt32LittleEndian(destination[MaximumOffset..], Maximum);
        BinaryPrimitives.WriteInt32LittleEndian(destination[FuzzOffset..], Fuzz);
        BinaryPrimitives.WriteInt32LittleEndian(destination[FlatOffset..], Flat);
        BinaryPrimitives.WriteInt32LittleEndian(destination[ResolutionOffset..], Resolution);
    }
}

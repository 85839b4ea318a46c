using System.Buffers.Binary;

namespace Terminal.Drivers.SignaturePad.Tests.Evdev;

/// <summary>
/// Builds what read(2) on /dev/input/eventN returns: 24-byte 64-bit input_event records, written field by field
/// (tv_sec, tv_usec, type, code, value; little-endian), independently of the driver's encoder.
/// </summary>
internal static class EventBytes
{
    internal const ushort Syn = 0, Key = 1, Abs = 3, Msc = 4;
    internal const ushort Report = 0, Dropped = 3;
    internal const ushort X = 0x00, Y = 0x01, Pressure = 0x18;
    internal const ushort ToolPen = 0x140, ToolRubber = 0x141, Touch = 0x14A, Stylus = 0x14B;

    /// <summary>Records at one millisecond apart from 1000 s, each (type, code, value).</summary>
    internal static byte[] Of(params (ushort Type, ushort Code, int Value)[] events)
    {
        var bytes = new byte[events.Length * 24];
        for (var i = 0; i < events.Length; i++)
        {
            var record = bytes.AsSpan(i * 24, 24);
            BinaryPrimitives.WriteInt64LittleEndian(record, 1000);
            BinaryPrimitives.WriteInt64LittleEndian(record[8..], i * 1000);
            BinaryPrimitives.WriteUInt16LittleEndian(record[16..], events[i].Type);
            BinaryPrimitives.WriteUInt16LittleEndian(record[18..], events[i].Code);
            BinaryPrimitives.WriteInt32LittleEndian(record[20..], events[i].Value);
        }
        return bytes;
    }
}

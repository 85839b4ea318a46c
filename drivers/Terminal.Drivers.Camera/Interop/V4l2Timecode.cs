using System.Runtime.InteropServices;

namespace Terminal.Drivers.Camera.Interop;

/// <summary>struct v4l2_timecode, 16 bytes (unused by webcams; kept for the layout of <see cref="V4l2Buffer"/>).</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal unsafe struct V4l2Timecode
{
    [FieldOffset(0)] public uint Type;
    [FieldOffset(4)] public uint Flags;
    [FieldOffset(8)] public byte Frames;
    [FieldOffset(9)] public byte Seconds;
    [FieldOffset(10)] public byte Minutes;
    [FieldOffset(11)] public byte Hours;
    [FieldOffset(12)] public fixed byte UserBits[4];
}

using System.Runtime.InteropServices;

namespace Terminal.Drivers.Camera.Interop;

/// <summary>struct v4l2_fmtdesc, 64 bytes (VIDIOC_ENUM_FMT).</summary>
[StructLayout(LayoutKind.Explicit, Size = 64)]
internal unsafe struct V4l2FormatDescription
{
    [FieldOffset(0)] public uint Index;
    [FieldOffset(4)] public uint Type;
    [FieldOffset(8)] public uint Flags;
    [FieldOffset(12)] public fixed byte Description[32];
    [FieldOffset(44)] public uint PixelFormat;
    [FieldOffset(48)] public uint MbusCode;
    [FieldOffset(52)] public fixed uint Reserved[3];
}

using System.Runtime.InteropServices;

namespace Terminal.Drivers.Camera.Interop;

/// <summary>
/// struct v4l2_frmsizeenum, 44 bytes (VIDIOC_ENUM_FRAMESIZES). The union at 12 is either discrete (width, height)
/// or stepwise (min/max/step of width, then of height).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 44)]
internal struct V4l2FrameSizeEnumeration
{
    [FieldOffset(0)] public uint Index;
    [FieldOffset(4)] public uint PixelFormat;
    [FieldOffset(8)] public uint Type;
    [FieldOffset(12)] public uint DiscreteWidth;
    [FieldOffset(16)] public uint DiscreteHeight;
    [FieldOffset(12)] public uint MinWidth;
    [FieldOffset(16)] public uint MaxWidth;
    [FieldOffset(20)] public uint StepWidth;
    [FieldOffset(24)] public uint MinHeight;
    [FieldOffset(28)] public uint MaxHeight;
    [FieldOffset(32)] public uint StepHeight;
}

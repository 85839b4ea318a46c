using System.Runtime.InteropServices;

namespace Terminal.Drivers.Camera.Interop;

/// <summary>
/// struct v4l2_streamparm, 204 bytes (VIDIOC_G_PARM / S_PARM), with the capture member (struct v4l2_captureparm)
/// of its union laid out in place at 4.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 204)]
internal struct V4l2StreamParameters
{
    [FieldOffset(0)] public uint Type;
    [FieldOffset(4)] public uint Capability;
    [FieldOffset(8)] public uint CaptureMode;
    [FieldOffset(12)] public uint TimePerFrameNumerator;
    [FieldOffset(16)] public uint TimePerFrameDenominator;
    [FieldOffset(20)] public uint ExtendedMode;
    [FieldOffset(24)] public uint ReadBuffers;
}

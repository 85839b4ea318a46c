using System.Runtime.InteropServices;

namespace Terminal.Drivers.Camera.Interop;

/// <summary>struct v4l2_requestbuffers, 20 bytes (VIDIOC_REQBUFS).</summary>
[StructLayout(LayoutKind.Explicit, Size = 20)]
internal struct V4l2RequestBuffers
{
    [FieldOffset(0)] public uint Count;
    [FieldOffset(4)] public uint Type;
    [FieldOffset(8)] public uint Memory;
    [FieldOffset(12)] public uint Capabilities;
    [FieldOffset(16)] public byte Flags;
}

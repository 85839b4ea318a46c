using System.Runtime.InteropServices;

namespace Terminal.Drivers.Camera.Interop;

/// <summary>
/// struct v4l2_buffer, 88 bytes on 64-bit Linux (VIDIOC_QUERYBUF / QBUF / DQBUF): 4 bytes of padding after field
/// put the struct timeval (two 64-bit longs) at 24, and the union m (offset / userptr / planes / fd) at 64.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 88)]
internal struct V4l2Buffer
{
    [FieldOffset(0)] public uint Index;
    [FieldOffset(4)] public uint Type;
    [FieldOffset(8)] public uint BytesUsed;
    [FieldOffset(12)] public uint Flags;
    [FieldOffset(16)] public uint Field;
    [FieldOffset(24)] public long TimestampSeconds;
    [FieldOffset(32)] public long TimestampMicroseconds;
    [FieldOffset(40)] public V4l2Timecode Timecode;
    [FieldOffset(56)] public uint Sequence;
    [FieldOffset(60)] public uint Memory;
    [FieldOffset(64)] public uint Offset;
    [FieldOffset(64)] public ulong UserPointer;
    [FieldOffset(72)] public uint Length;
    [FieldOffset(76)] public uint Reserved2;
    [FieldOffset(80)] public int RequestFd;
}

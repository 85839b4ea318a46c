using System.Runtime.InteropServices;

namespace Terminal.Drivers.Camera.Interop;

/// <summary>
/// struct v4l2_format, 208 bytes (VIDIOC_G_FMT / S_FMT), with the single-planar struct v4l2_pix_format (48 bytes)
/// of its union laid out in place. The union starts at offset 8, not 4: one of its members (v4l2_window) holds
/// pointers, which gives it 8-byte alignment on 64-bit Linux (devices.md §1).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 208)]
internal struct V4l2Format
{
    /// <summary>Offset of the union fmt (and of fmt.pix).</summary>
    internal const int UnionOffset = 8;

    [FieldOffset(0)] public uint Type;
    [FieldOffset(8)] public uint Width;
    [FieldOffset(12)] public uint Height;
    [FieldOffset(16)] public uint PixelFormat;
    [FieldOffset(20)] public uint Field;
    [FieldOffset(24)] public uint BytesPerLine;
    [FieldOffset(28)] public uint SizeImage;
    [FieldOffset(32)] public uint Colorspace;
    [FieldOffset(36)] public uint Private;
    [FieldOffset(40)] public uint Flags;
    [FieldOffset(44)] public uint YcbcrEncoding;
    [FieldOffset(48)] public uint Quantization;
    [FieldOffset(52)] public uint TransferFunction;
}

using System.Buffers.Binary;

namespace Terminal.Drivers.Camera.Capture;

/// <summary>A V4L2 pixel format code: four ASCII characters read as a little-endian 32-bit number (v4l2_fourcc).</summary>
public readonly record struct FourCc(uint Value)
{
    /// <summary>Motion JPEG, what UVC webcams send (V4L2_PIX_FMT_MJPEG, 0x47504A4D).</summary>
    public static FourCc Mjpeg { get; } = Parse("MJPG");

    /// <summary>JPEG, which some drivers report instead of MJPG (V4L2_PIX_FMT_JPEG, 0x4745504A).</summary>
    public static FourCc Jpeg { get; } = Parse("JPEG");

    /// <summary>Packed YUV 4:2:2, Y0 U Y1 V (V4L2_PIX_FMT_YUYV, 0x56595559): every UVC webcam and vivid offer it.</summary>
    public static FourCc Yuyv { get; } = Parse("YUYV");

    /// <summary>True for the compressed formats whose frames are whole JPEG files.</summary>
    public bool IsJpeg => this == Mjpeg || this == Jpeg;

    /// <summary>The code of four ASCII characters, e.g. "YUYV".</summary>
    public static FourCc Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != 4 || code.Any(c => c > 0x7E || c < 0x20))
        {
            throw new ArgumentException("a FourCC is four printable ASCII characters", nameof(code));
        }
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < 4; i++)
        {
            bytes[i] = (byte)code[i];
        }
        return new FourCc(BinaryPrimitives.ReadUInt32LittleEndian(bytes));
    }

    /// <summary>The four characters, e.g. "MJPG".</summary>
    public override string ToString()
    {
        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            var c = (char)((Value >> (8 * i)) & 0xFF);
            chars[i] = c is >= ' ' and <= '~' ? c : '?';
        }
        return new string(chars);
    }
}

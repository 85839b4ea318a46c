using SkiaSharp;

namespace Terminal.Drivers.Camera.Imaging;

/// <summary>
/// A Skia write stream into one reusable byte array, so that encoding a preview frame allocates nothing once the
/// array has grown to the frames' size. <see cref="Reset"/> before each encode; <see cref="Written"/> after.
/// </summary>
internal sealed class JpegSink : SKAbstractManagedWStream
{
    private byte[] _buffer;
    private int _length;

    internal JpegSink(int initialCapacity) => _buffer = new byte[Math.Max(initialCapacity, 4096)];

    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    internal ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    internal void Reset() => _length = 0;

    protected override unsafe bool OnWrite(IntPtr buffer, IntPtr size)
    {
        var count = checked((int)size);
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }
        new ReadOnlySpan<byte>((void*)buffer, count).CopyTo(_buffer.AsSpan(_length));
        _length += count;
        return true;
    }

    protected override void OnFlush()
    {
    }

    protected override IntPtr OnBytesWritten() => _length;
}

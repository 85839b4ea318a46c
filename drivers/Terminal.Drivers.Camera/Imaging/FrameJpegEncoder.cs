using System.Runtime.InteropServices;
using SkiaSharp;
using Terminal.Drivers.Camera.Capture;

namespace Terminal.Drivers.Camera.Imaging;

/// <summary>
/// Encodes camera frames to JPEG with SkiaSharp, reusing its buffers from frame to frame: a pinned RGBA buffer
/// (allocated once per frame size), the Skia pixmap over it, and the output <see cref="JpegSink"/>. YUYV frames
/// are converted with <see cref="YuyvConverter"/>. The returned span is valid until the next call. Not thread-safe.
/// </summary>
public sealed class FrameJpegEncoder : IDisposable
{
    private readonly JpegSink _sink = new(64 * 1024);
    private byte[] _rgba = [];
    private SKPixmap? _pixmap;
    private FrameSize _size;
    private bool _disposed;

    /// <summary>
    /// Encodes a YUYV frame of <paramref name="format"/> to JPEG at <paramref name="quality"/> (1-100), shrunk by
    /// <paramref name="reduction"/> (1 or 2). Returns the JPEG bytes, valid until the next call.
    /// </summary>
    public ReadOnlySpan<byte> EncodeYuyv(ReadOnlySpan<byte> yuyv, CameraFormat format, int quality, int reduction = 1)
    {
        ArgumentNullException.ThrowIfNull(format);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var size = new FrameSize(format.Width / reduction, format.Height / reduction);
        var pixmap = PixmapFor(size);
        var stride = format.BytesPerLine > 0 ? format.BytesPerLine : format.Width * 2;
        YuyvConverter.ToRgba(yuyv, format.Width, format.Height, stride, _rgba, reduction);
        _sink.Reset();
        if (!pixmap.Encode(_sink, new SKJpegEncoderOptions(Math.Clamp(quality, 1, 100), SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)))
        {
            throw new InvalidOperationException("Skia could not encode the frame as JPEG");
        }
        return _sink.Written;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _pixmap?.Dispose();
        _sink.Dispose();
    }

    private SKPixmap PixmapFor(FrameSize size)
    {
        if (_pixmap is not null && size == _size)
        {
            return _pixmap;
        }
        _pixmap?.Dispose();
        _rgba = GC.AllocateUninitializedArray<byte>(size.Width * size.Height * 4, pinned: true);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        _pixmap = new SKPixmap(info, Marshal.UnsafeAddrOfPinnedArrayElement(_rgba, 0), size.Width * 4);
        _size = size;
        return _pixmap;
    }
}

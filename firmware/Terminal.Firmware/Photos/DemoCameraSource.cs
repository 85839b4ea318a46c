using Terminal.Drivers.Camera.Capture;
using Terminal.Drivers.Camera.Imaging;

namespace Terminal.Firmware.Photos;

/// <summary>
/// 演示摄像头: for machines without a camera (the demo, the browser tests). It makes YUYV frames of a drawn scene — a
/// head and shoulders in front of a patterned wall, swaying a little from frame to frame — and encodes them with the
/// same <see cref="FrameJpegEncoder"/> (YUYV conversion, JPEG) the V4L2 session uses for YUYV cameras, so preview,
/// capture and <c>PhotoNormaliser</c> run the real code. Its photos are not of anyone: the page says so.
/// <see cref="LensCovered"/> makes dark frames (the lens covered), to see a rejection.
/// </summary>
public sealed class DemoCameraSource : ICameraSource
{
    private readonly CameraOptions _options;
    private readonly CameraFormat _format;
    private readonly FrameJpegEncoder _encoder = new();
    private readonly byte[] _frame;
    private readonly Lock _gate = new();
    private uint _sequence;
    private bool _disposed;

    /// <summary>A demo camera making frames of the size <paramref name="options"/> asks for (even width).</summary>
    public DemoCameraSource(CameraOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        var width = options.Width & ~1;
        _format = new CameraFormat(FourCc.Yuyv, width, options.Height, width * 2, width * 2 * options.Height);
        _frame = new byte[_format.SizeImage];
    }

    /// <summary>True makes the next frames nearly black, as with a covered lens.</summary>
    public bool LensCovered { get; set; }

    /// <inheritdoc/>
    public string Name => $"演示摄像头（模拟画面，不是真实拍摄；{_format.Width}×{_format.Height} YUYV）";

    /// <inheritdoc/>
    public bool IsDemo => true;

    /// <inheritdoc/>
    public int PreviewBufferSize => _format.Width * _format.Height * 3 / 4 + 64 * 1024;

    /// <inheritdoc/>
    public PreviewFrame ReadPreview(Span<byte> destination)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Draw(++_sequence);
            var jpeg = _encoder.EncodeYuyv(_frame, _format, _options.PreviewQuality, _options.PreviewReduction);
            jpeg.CopyTo(destination);
            return new PreviewFrame(jpeg.Length, _sequence, null);
        }
    }

    /// <inheritdoc/>
    public CaptureResult CaptureStill()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Draw(++_sequence);
            var jpeg = _encoder.EncodeYuyv(_frame, _format, _options.StillQuality).ToArray();
            return new CaptureResult.Captured(jpeg, _format.Width, _format.Height);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _encoder.Dispose();
            }
        }
    }

    /// <summary>Draws frame <paramref name="sequence"/> into the YUYV buffer (Y0 U Y1 V per two pixels).</summary>
    private void Draw(uint sequence)
    {
        int width = _format.Width, height = _format.Height;
        var sway = (int)(Math.Sin(sequence / 6.0) * width / 80);
        double cx = width / 2.0 + sway, cy = height * 0.40, rx = height * 0.17, ry = height * 0.23;
        for (var y = 0; y < height; y++)
        {
            var row = _frame.AsSpan(y * _format.BytesPerLine, width * 2);
            for (var x = 0; x < width; x += 2)
            {
                byte luma, u, v;
                double dx = (x - cx) / rx, dy = (y - cy) / ry;
                var shoulders = y > height * 0.66 && Math.Abs(x - cx) < height * 0.45 - (height - y) * 0.2;
                if (dx * dx + dy * dy <= 1)
                {
                    var eye = y > cy - ry * 0.25 && y < cy - ry * 0.1 && Math.Abs(Math.Abs(x - cx) - rx * 0.4) < rx * 0.12;
                    (luma, u, v) = eye ? ((byte)50, (byte)128, (byte)128) : ((byte)(165 + (x + y) % 7), (byte)110, (byte)152);
                }
                else if (shoulders)
                {
                    (luma, u, v) = ((byte)(60 + ((x / 6 + y / 6) & 1) * 12), (byte)140, (byte)120);
                }
                else
                {
                    var tile = ((x / 24) + (y / 24)) & 1; // a tiled wall: edges for the sharpness check
                    (luma, u, v) = ((byte)(190 + tile * 30), (byte)132, (byte)124);
                }
                if (LensCovered)
                {
                    luma = (byte)(16 + luma / 16);
                }
                row[x * 2] = luma;
                row[x * 2 + 1] = u;
                row[x * 2 + 2] = luma;
                row[x * 2 + 3] = v;
            }
        }
    }
}

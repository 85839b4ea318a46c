using Terminal.Drivers.Camera.Imaging;

namespace Terminal.Drivers.Camera.Capture;

/// <summary>
/// A camera kept open for a photo session: opened, format negotiated (MJPEG when offered, else YUYV) and streaming
/// with mmap'd buffers from <see cref="Open"/> until <see cref="Dispose"/>. Serves preview frames as JPEG into the
/// caller's buffer without allocating (<see cref="ReadPreview"/>) and stills (<see cref="CaptureStill"/>). Errors
/// come back as results with Chinese messages; after an unplug or device error the session stays failed and the
/// caller opens a new one. Thread-safe: calls are serialised.
/// </summary>
public sealed class CameraSession : IDisposable
{
    private readonly V4l2Camera _camera;
    private readonly CameraOptions _options;
    private readonly FrameJpegEncoder _encoder = new();
    private readonly Lock _lock = new();
    private long _framesTaken;
    private CameraError? _failure;
    private bool _disposed;

    private CameraSession(V4l2Camera camera, CameraOptions options, double? frameRate)
    {
        _camera = camera;
        _options = options;
        FrameRate = frameRate;
    }

    /// <summary>What the device says it is.</summary>
    public CameraCapabilities Capabilities => _camera.Capabilities;

    /// <summary>The negotiated format.</summary>
    public CameraFormat Format => _camera.Format!;

    /// <summary>The frame rate the camera agreed to, or null when it cannot be set.</summary>
    public double? FrameRate { get; }

    /// <summary>A buffer of this size always holds one preview frame.</summary>
    public int PreviewBufferSize => Format.PixelFormat.IsJpeg
        ? Math.Max(Format.SizeImage, 64 * 1024)
        : Format.Width / _options.PreviewReduction * (Format.Height / _options.PreviewReduction) * 3 + 64 * 1024;

    /// <summary>The error that ended the session, or null while it works.</summary>
    public CameraError? Failure => _failure;

    /// <summary>Opens the camera of <paramref name="options"/>, negotiates the format and starts streaming.</summary>
    public static CameraOpenResult Open(CameraOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        V4l2Camera? camera = null;
        try
        {
            camera = V4l2Camera.Open(options.DevicePath);
            camera.Negotiate(options);
            var frameRate = camera.TrySetFrameRate(options.FramesPerSecond);
            camera.StartStreaming(options.BufferCount);
            return new CameraOpenResult.Opened(new CameraSession(camera, options, frameRate));
        }
        catch (CameraException e)
        {
            camera?.Dispose();
            return new CameraOpenResult.Failed(e.Error, e.Detail);
        }
        catch
        {
            camera?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes the newest frame as JPEG into <paramref name="destination"/> (at least <see cref="PreviewBufferSize"/>
    /// bytes): MJPEG frames as they came, YUYV frames converted, shrunk by the configured reduction and encoded.
    /// Older frames waiting in the queue are dropped, so the preview never lags. Allocates nothing per frame.
    /// </summary>
    public PreviewFrame ReadPreview(Span<byte> destination)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_failure is { } failure)
            {
                return new PreviewFrame(0, 0, failure);
            }
            try
            {
                if (!TryTakeNewest(out var frame))
                {
                    return new PreviewFrame(0, 0, CameraError.Timeout);
                }
                try
                {
                    var jpeg = Format.PixelFormat.IsJpeg
                        ? frame.Data
                        : _encoder.EncodeYuyv(frame.Data, Format, _options.PreviewQuality, _options.PreviewReduction);
                    if (jpeg.Length > destination.Length)
                    {
                        throw new ArgumentException($"the preview buffer holds {destination.Length} bytes; the frame has {jpeg.Length}", nameof(destination));
                    }
                    jpeg.CopyTo(destination);
                    return new PreviewFrame(jpeg.Length, frame.Sequence, null);
                }
                finally
                {
                    _camera.Requeue(frame);
                }
            }
            catch (CameraException e)
            {
                return new PreviewFrame(0, 0, Fail(e.Error));
            }
        }
    }

    /// <summary>
    /// Takes a still: the newest frame once the stream has delivered its warm-up frames, as a JPEG at full size
    /// (an MJPEG frame as it came; a YUYV frame encoded at the configured still quality).
    /// </summary>
    public CaptureResult CaptureStill()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_failure is { } failure)
            {
                return new CaptureResult.Failed(failure);
            }
            try
            {
                while (_framesTaken < _options.WarmUpFrames)
                {
                    if (!TryTakeNewest(out var warmUp))
                    {
                        return new CaptureResult.Failed(CameraError.Timeout);
                    }
                    _camera.Requeue(warmUp);
                }
                if (!TryTakeNewest(out var frame))
                {
                    return new CaptureResult.Failed(CameraError.Timeout);
                }
                try
                {
                    var jpeg = Format.PixelFormat.IsJpeg
                        ? frame.Data.ToArray()
                        : _encoder.EncodeYuyv(frame.Data, Format, _options.StillQuality).ToArray();
                    return new CaptureResult.Captured(jpeg, Format.Width, Format.Height);
                }
                finally
                {
                    _camera.Requeue(frame);
                }
            }
            catch (CameraException e)
            {
                return new CaptureResult.Failed(Fail(e.Error));
            }
        }
    }

    /// <summary>Stops the stream, unmaps the buffers and closes the camera. Safe to call again.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _encoder.Dispose();
            _camera.Dispose();
        }
    }

    /// <summary>
    /// Waits for a good frame, then takes every further frame already waiting and keeps only the newest, handing
    /// the older ones straight back. Damaged frames are handed back and waited past.
    /// </summary>
    private bool TryTakeNewest(out CameraFrame newest)
    {
        var deadline = Environment.TickCount64 + (long)_options.FrameTimeout.TotalMilliseconds;
        newest = default;
        var have = false;
        while (true)
        {
            var wait = have ? 0 : (int)Math.Max(0, deadline - Environment.TickCount64);
            if (!_camera.TryDequeue(wait, out var frame))
            {
                return have;
            }
            _framesTaken++;
            if (frame.IsDamaged)
            {
                _camera.Requeue(frame);
                continue;
            }
            if (have)
            {
                _camera.Requeue(newest);
            }
            newest = frame;
            have = true;
        }
    }

    private CameraError Fail(CameraError error)
    {
        if (error is CameraError.Unplugged or CameraError.DeviceError)
        {
            _failure = error;
        }
        return error;
    }
}

using Terminal.Drivers.Camera.Capture;

namespace Terminal.Firmware.Photos;

/// <summary>The handheld's camera: a V4L2 <see cref="CameraSession"/> kept open while the photo page is used.</summary>
public sealed class V4l2CameraSource : ICameraSource
{
    private readonly CameraSession _session;
    private readonly string _devicePath;

    /// <summary>Wraps an open session (owned: disposed with this source).</summary>
    public V4l2CameraSource(CameraSession session, string devicePath)
    {
        _session = session ?? throw new ArgumentNullException(nameof(session));
        _devicePath = devicePath;
    }

    /// <inheritdoc/>
    public string Name => $"摄像头 {_devicePath}（{_session.Capabilities.Card}，{_session.Format.Width}×{_session.Format.Height} {_session.Format.PixelFormat}）";

    /// <inheritdoc/>
    public bool IsDemo => false;

    /// <inheritdoc/>
    public int PreviewBufferSize => _session.PreviewBufferSize;

    /// <summary>The error that ended the session, if any: the service opens a new one.</summary>
    public CameraError? Failure => _session.Failure;

    /// <inheritdoc/>
    public PreviewFrame ReadPreview(Span<byte> destination) => _session.ReadPreview(destination);

    /// <inheritdoc/>
    public CaptureResult CaptureStill() => _session.CaptureStill();

    /// <inheritdoc/>
    public void Dispose() => _session.Dispose();
}

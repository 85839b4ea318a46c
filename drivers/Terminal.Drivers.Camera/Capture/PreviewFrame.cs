namespace Terminal.Drivers.Camera.Capture;

/// <summary>
/// The outcome of reading one preview frame into the caller's buffer: a value, so a preview loop allocates nothing.
/// </summary>
/// <param name="Length">Bytes of JPEG written to the caller's buffer (0 when there is no frame).</param>
/// <param name="Sequence">The driver's frame counter.</param>
/// <param name="Error">Null for a frame; else why there is none.</param>
public readonly record struct PreviewFrame(int Length, uint Sequence, CameraError? Error)
{
    /// <summary>True when a JPEG frame was written.</summary>
    public bool HasFrame => Error is null && Length > 0;

    /// <summary>The Chinese message for the error, or empty for a frame.</summary>
    public string Message => Error is { } error ? CameraErrorText.For(error) : "";
}

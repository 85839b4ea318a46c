namespace Terminal.Drivers.Camera.Capture;

/// <summary>The outcome of taking a still, with the Chinese message the field worker sees.</summary>
public abstract record CaptureResult(string Message)
{
    /// <summary>A still as JPEG, at the stream's full size (normalise it with PhotoNormaliser before attaching).</summary>
    public sealed record Captured(byte[] Jpeg, int Width, int Height) : CaptureResult("拍摄成功");

    /// <summary>No still could be taken.</summary>
    public sealed record Failed(CameraError Error) : CaptureResult(CameraErrorText.For(Error));
}

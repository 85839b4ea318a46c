namespace Terminal.Drivers.Camera.Capture;

/// <summary>The outcome of opening a camera session, with the Chinese message the field worker sees.</summary>
public abstract record CameraOpenResult(string Message)
{
    /// <summary>The camera streams; the session owns it until disposed.</summary>
    public sealed record Opened(CameraSession Session) : CameraOpenResult("摄像头已就绪");

    /// <summary>The camera could not be opened; <paramref name="Detail"/> names the failed call for the technician's log.</summary>
    public sealed record Failed(CameraError Error, string Detail) : CameraOpenResult(CameraErrorText.For(Error));
}

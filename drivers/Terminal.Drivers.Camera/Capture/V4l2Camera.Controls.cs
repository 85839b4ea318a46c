using Terminal.Drivers.Camera.Interop;

namespace Terminal.Drivers.Camera.Capture;

public sealed unsafe partial class V4l2Camera
{
    /// <summary>Sets control <paramref name="id"/> (VIDIOC_S_CTRL), e.g. V4L2_CID_BRIGHTNESS, or a button control with 0.</summary>
    internal void SetControl(uint id, int value)
    {
        var control = new V4l2Control { Id = id, Value = value };
        Ioctl(CameraOperation.SetFormat, V4l2Request.SetControl, &control, "VIDIOC_S_CTRL");
    }
}

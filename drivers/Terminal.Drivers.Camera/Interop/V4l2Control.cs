using System.Runtime.InteropServices;

namespace Terminal.Drivers.Camera.Interop;

/// <summary>struct v4l2_control, 8 bytes (VIDIOC_G_CTRL / S_CTRL).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct V4l2Control
{
    public uint Id;
    public int Value;
}

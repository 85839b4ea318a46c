using System.Globalization;

namespace Terminal.Drivers.Camera.Capture;

/// <summary>Settings of the camera (section "Camera" of the terminal's appsettings).</summary>
public sealed class CameraOptions
{
    /// <summary>The camera's device node: /dev/video0, or the udev link /dev/camera (hardware-docs/camera).</summary>
    public string DevicePath { get; set; } = "/dev/video0";

    /// <summary>The frame width asked for; the nearest size the camera offers is taken.</summary>
    public int Width { get; set; } = 1280;

    /// <summary>The frame height asked for.</summary>
    public int Height { get; set; } = 720;

    /// <summary>Driver buffers mapped for the session (4: one being read, the rest filling).</summary>
    public int BufferCount { get; set; } = 4;

    /// <summary>Frame rate asked of the camera for the session (the preview shows every frame it gets).</summary>
    public int FramesPerSecond { get; set; } = 10;

    /// <summary>JPEG quality of preview frames encoded from YUYV (MJPEG frames are passed on as they are).</summary>
    public int PreviewQuality { get; set; } = 70;

    /// <summary>Preview frames from YUYV are shrunk by this factor (1 or 2) before encoding, to keep the rate up.</summary>
    public int PreviewReduction { get; set; } = 2;

    /// <summary>JPEG quality of a still taken from YUYV (normalisation re-encodes it to the photo's limit later).</summary>
    public int StillQuality { get; set; } = 92;

    /// <summary>Frames dropped after the stream starts before a still is taken, so exposure has settled.</summary>
    public int WarmUpFrames { get; set; } = 3;

    /// <summary>How long to wait for a frame before reporting <see cref="CameraError.Timeout"/>.</summary>
    public TimeSpan FrameTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Take YUYV even when MJPEG is offered (for cameras whose MJPEG is broken).</summary>
    public bool PreferYuyv { get; set; }

    /// <summary>Checks the settings; returns Chinese reasons for each bad one.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DevicePath))
        {
            problems.Add("摄像头设备未设置（Camera:DevicePath）");
        }
        if (Width is < 160 or > 4096 || Height is < 120 or > 4096)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"摄像头分辨率{Width}x{Height}无效：宽应为160至4096，高应为120至4096"));
        }
        if (BufferCount is < 2 or > 16)
        {
            problems.Add("摄像头缓冲区数量应为2至16（Camera:BufferCount）");
        }
        if (FramesPerSecond is < 1 or > 60)
        {
            problems.Add("摄像头帧率应为1至60（Camera:FramesPerSecond）");
        }
        if (PreviewQuality is < 10 or > 100 || StillQuality is < 10 or > 100)
        {
            problems.Add("JPEG质量应为10至100（Camera:PreviewQuality、Camera:StillQuality）");
        }
        if (PreviewReduction is not (1 or 2))
        {
            problems.Add("预览缩小倍数应为1或2（Camera:PreviewReduction）");
        }
        if (WarmUpFrames is < 0 or > 60)
        {
            problems.Add("拍照前丢弃的帧数应为0至60（Camera:WarmUpFrames）");
        }
        if (FrameTimeout <= TimeSpan.Zero || FrameTimeout > TimeSpan.FromSeconds(30))
        {
            problems.Add("等待画面的时间应大于0且不超过30秒（Camera:FrameTimeout）");
        }
        return problems;
    }
}

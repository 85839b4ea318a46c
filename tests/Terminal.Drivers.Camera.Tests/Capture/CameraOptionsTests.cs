using Terminal.Drivers.Camera.Capture;

namespace Terminal.Drivers.Camera.Tests.Capture;

[TestClass]
public sealed class CameraOptionsTests
{
    [TestMethod]
    public void Validate_Defaults_NoProblems() => Assert.IsEmpty(new CameraOptions().Validate());

    [TestMethod]
    public void Validate_BadValues_OneChineseReasonEach()
    {
        var options = new CameraOptions
        {
            DevicePath = " ",
            Width = 10,
            BufferCount = 1,
            FramesPerSecond = 0,
            PreviewQuality = 0,
            PreviewReduction = 3,
            WarmUpFrames = -1,
            FrameTimeout = TimeSpan.Zero,
        };
        var problems = options.Validate();
        Assert.HasCount(8, problems);
        Assert.IsTrue(problems.All(p => p.Contains("摄像头", StringComparison.Ordinal) || p.Contains("JPEG", StringComparison.Ordinal)
            || p.Contains("预览", StringComparison.Ordinal) || p.Contains("拍照", StringComparison.Ordinal) || p.Contains("画面", StringComparison.Ordinal)));
    }
}

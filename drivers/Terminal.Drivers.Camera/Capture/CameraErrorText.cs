namespace Terminal.Drivers.Camera.Capture;

/// <summary>The plain Chinese message a field worker sees for each <see cref="CameraError"/>: what happened and what to do.</summary>
public static class CameraErrorText
{
    /// <summary>The message for <paramref name="error"/>.</summary>
    public static string For(CameraError error) => error switch
    {
        CameraError.NoDevice => "找不到摄像头：请检查摄像头连线，或重新插拔摄像头",
        CameraError.NotACamera => "所选设备不是摄像头：请联系技术人员检查终端的摄像头设置",
        CameraError.PermissionDenied => "没有使用摄像头的权限：请联系技术人员检查终端设置",
        CameraError.Busy => "摄像头正被占用：请关闭其他正在拍照的界面后重试",
        CameraError.FormatRefused => "摄像头不支持所需的图像格式：请换用终端配套的摄像头",
        CameraError.Unplugged => "摄像头已断开：请插好摄像头后重新打开拍照界面",
        CameraError.Timeout => "摄像头没有送来画面：请重新插拔摄像头后重试",
        CameraError.DeviceError => "摄像头出错：请重新插拔摄像头后重试，仍不行请联系技术人员",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "unknown camera error"),
    };
}

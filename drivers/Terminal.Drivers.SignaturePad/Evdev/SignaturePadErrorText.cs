namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>The plain Chinese message a field worker sees for each <see cref="SignaturePadError"/>: what happened and what to do.</summary>
public static class SignaturePadErrorText
{
    /// <summary>The message for <paramref name="error"/>.</summary>
    public static string For(SignaturePadError error) => error switch
    {
        SignaturePadError.NoDevice => "找不到签字板：请检查签字板的数据线是否插好，或重新插拔签字板",
        SignaturePadError.PermissionDenied => "没有使用签字板的权限：请联系技术人员检查终端设置",
        SignaturePadError.NotAPen => "所选设备不是签字板：请联系技术人员检查终端的签字板设置",
        SignaturePadError.Busy => "签字板正被其他程序占用：请关闭其他签字界面后重试",
        SignaturePadError.Unplugged => "签字板已断开：请重新插好签字板的数据线后再签",
        SignaturePadError.DeviceError => "签字板出错：请重新插拔签字板后重试，仍不行请联系技术人员",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "unknown signature pad error"),
    };
}

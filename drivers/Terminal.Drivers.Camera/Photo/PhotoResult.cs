namespace Terminal.Drivers.Camera.Photo;

/// <summary>The outcome of normalising a photo, with the Chinese message the field worker sees.</summary>
public abstract record PhotoResult(string Message)
{
    /// <summary>The photo meets its kind's limits.</summary>
    public sealed record Accepted(NormalisedPhoto Photo) : PhotoResult("照片符合要求");

    /// <summary>The photo cannot be used; the message says what to do.</summary>
    public sealed record Rejected(PhotoRejection Reason, PhotoMeasurements Measurements) : PhotoResult(TextFor(Reason));

    /// <summary>The message for a rejection: what is wrong and what to do.</summary>
    public static string TextFor(PhotoRejection reason) => reason switch
    {
        PhotoRejection.Unreadable => "无法识别照片：请重新拍摄",
        PhotoRejection.TooDark => "照片太暗：请打开灯光或换到明亮处，避免逆光，然后重新拍摄",
        PhotoRejection.TooBlurred => "照片模糊：请扶稳终端，请对象保持不动，对准后重新拍摄",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "unknown rejection"),
    };
}

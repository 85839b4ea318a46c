namespace Terminal.Drivers.Camera.Photo;

/// <summary>Why a photo was not accepted.</summary>
public enum PhotoRejection
{
    /// <summary>The bytes are not an image Skia can decode.</summary>
    Unreadable,

    /// <summary>The mean luminance is below <see cref="PhotoQualityOptions.MinMeanLuminance"/>.</summary>
    TooDark,

    /// <summary>The variance of the Laplacian is below <see cref="PhotoQualityOptions.MinSharpness"/>.</summary>
    TooBlurred,
}

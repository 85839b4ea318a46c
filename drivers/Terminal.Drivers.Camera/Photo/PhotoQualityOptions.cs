namespace Terminal.Drivers.Camera.Photo;

/// <summary>
/// Thresholds of the photo checks (section "Photo" of the terminal's appsettings). Both are measured on the cropped
/// photo scaled so its longer side is <see cref="AnalysisSize"/> pixels, in 8-bit luminance (BT.601 weights), so they
/// do not depend on the camera's resolution. Defaults chosen from measured test images (hardware-docs/camera).
/// </summary>
public sealed class PhotoQualityOptions
{
    /// <summary>Mean luminance (0-255) below which a photo is too dark.</summary>
    public double MinMeanLuminance { get; set; } = 50;

    /// <summary>Variance of the 4-neighbour Laplacian below which a photo is too blurred.</summary>
    public double MinSharpness { get; set; } = 10;

    /// <summary>Longer side, in pixels, of the image the checks measure.</summary>
    public int AnalysisSize { get; set; } = 512;

    /// <summary>Checks the settings; returns Chinese reasons for each bad one.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MinMeanLuminance is < 0 or > 255)
        {
            problems.Add("照片亮度下限应为0至255（Photo:MinMeanLuminance）");
        }
        if (MinSharpness < 0)
        {
            problems.Add("照片清晰度下限不能为负（Photo:MinSharpness）");
        }
        if (AnalysisSize is < 64 or > 2048)
        {
            problems.Add("照片检测尺寸应为64至2048像素（Photo:AnalysisSize）");
        }
        return problems;
    }
}

namespace Terminal.Drivers.Camera.Photo;

/// <summary>What the photo checks measured.</summary>
/// <param name="MeanLuminance">Mean 8-bit luminance, 0 (black) to 255 (white).</param>
/// <param name="Sharpness">Variance of the 4-neighbour Laplacian: low for blurred or featureless photos.</param>
public readonly record struct PhotoMeasurements(double MeanLuminance, double Sharpness);

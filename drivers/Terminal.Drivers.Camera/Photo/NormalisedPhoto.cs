namespace Terminal.Drivers.Camera.Photo;

/// <summary>A photo made to its kind's limits: a baseline JPEG with no metadata.</summary>
/// <param name="Kind">The kind of photo.</param>
/// <param name="Jpeg">The JPEG bytes, within the kind's limit.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Quality">The JPEG quality the size search settled on.</param>
/// <param name="Measurements">The quality checks' figures (measured even when the kind is not checked).</param>
public sealed record NormalisedPhoto(PhotoKind Kind, byte[] Jpeg, int Width, int Height, int Quality, PhotoMeasurements Measurements);

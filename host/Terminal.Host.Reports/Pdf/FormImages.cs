namespace Terminal.Host.Reports.Pdf;

/// <summary>The images a printed form shows when the host has them: the personal photo (个人免冠近照, JPEG) and the
/// subject's electronic signature (PNG, as the signature pad renders it).</summary>
public sealed record FormImages(byte[]? PersonalPhotoJpeg = null, byte[]? SignaturePng = null);

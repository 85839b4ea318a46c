namespace Terminal.Drivers.Camera.Photo;

/// <summary>
/// The framing guide the operator lines the subject up in, as fractions of the image (0 to 1 from the top-left),
/// so the same rectangle drawn over the preview applies to a still of another size.
/// </summary>
public readonly record struct FramingRectangle(double Left, double Top, double Width, double Height)
{
    /// <summary>The usual portrait guide on a 16:9 preview: a centred 3:4 box, 90 % of the height.</summary>
    public static FramingRectangle PortraitOn16By9 { get; } = new(0.5 - 0.9 * 0.75 * 9 / 16 / 2, 0.05, 0.9 * 0.75 * 9 / 16, 0.9);

    /// <summary>True when the rectangle has a size and lies within the image.</summary>
    public bool IsValid => Width > 0 && Height > 0 && Left >= 0 && Top >= 0 && Left + Width <= 1.000001 && Top + Height <= 1.000001;
}

namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>The outcome of opening an evdev signature pad, with the Chinese message the field worker sees.</summary>
public abstract record PadOpenResult(string Message)
{
    /// <summary>The pad is open (and grabbed when asked); the caller owns it until disposed.</summary>
    public sealed record Opened(EvdevPad Pad) : PadOpenResult("签字板已就绪，请签字");

    /// <summary>The pad could not be opened; <paramref name="Detail"/> names the failed call for the technician's log.</summary>
    public sealed record Failed(SignaturePadError Error, string Detail) : PadOpenResult(SignaturePadErrorText.For(Error));
}

namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>
/// Whether an input device is a pen the terminal can take a signature from, from its EVIOCGBIT bitmasks (pure):
/// absolute X and Y, a pen tool (BTN_TOOL_PEN) and a tip switch (BTN_TOUCH). Pressure is used when present.
/// A touchscreen (no BTN_TOOL_PEN), a mouse or a keyboard is refused.
/// </summary>
public static class PenCapabilities
{
    /// <summary>True when the bitmasks describe a pen; <paramref name="missing"/> names what is absent otherwise.</summary>
    public static bool IsPen(ReadOnlySpan<byte> eventTypes, ReadOnlySpan<byte> absoluteAxes, ReadOnlySpan<byte> keys, out string missing)
    {
        missing = !InputCodes.HasBit(eventTypes, InputCodes.EV_ABS) ? "EV_ABS"
            : !InputCodes.HasBit(eventTypes, InputCodes.EV_KEY) ? "EV_KEY"
            : !InputCodes.HasBit(absoluteAxes, InputCodes.ABS_X) ? "ABS_X"
            : !InputCodes.HasBit(absoluteAxes, InputCodes.ABS_Y) ? "ABS_Y"
            : !InputCodes.HasBit(keys, InputCodes.BTN_TOOL_PEN) ? "BTN_TOOL_PEN"
            : !InputCodes.HasBit(keys, InputCodes.BTN_TOUCH) ? "BTN_TOUCH"
            : "";
        return missing.Length == 0;
    }

    /// <summary>True when the device has a pressure axis.</summary>
    public static bool HasPressure(ReadOnlySpan<byte> absoluteAxes) => InputCodes.HasBit(absoluteAxes, InputCodes.ABS_PRESSURE);
}

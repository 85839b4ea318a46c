namespace Terminal.Firmware.Signing;

/// <summary>
/// The serial signature pad (Wacom protocol IV, hardware-docs/signature-pad): its port (the udev link
/// /dev/signature-pad on the handheld, the pad simulator's pty in the demo), speed, tablet size and pressure bits.
/// </summary>
public sealed record SignaturePadOptions
{
    /// <summary>The pad's serial port.</summary>
    public string PortName { get; init; } = "/dev/signature-pad";

    /// <summary>Baud rate (protocol IV pads: 9600).</summary>
    public int BaudRate { get; init; } = 9600;

    /// <summary>Tablet width in pad units (the reference pad: 15,200).</summary>
    public int Width { get; init; } = 15200;

    /// <summary>Tablet height in pad units (the reference pad: 9,500).</summary>
    public int Height { get; init; } = 9500;

    /// <summary>Extra pressure bits the model reports (0, 1 or 2: pressure up to 127, 255 or 511).</summary>
    public int ExtraPressureBits { get; init; } = 2;

    /// <summary>The problems of these settings, in Chinese.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(PortName))
        {
            problems.Add("未设置签字板串口（Terminal:Pad:PortName）");
        }
        if (BaudRate is not (2400 or 4800 or 9600 or 19200 or 38400))
        {
            problems.Add($"签字板波特率{BaudRate}无效：应为2400、4800、9600、19200或38400");
        }
        if (Width <= 0 || Height <= 0)
        {
            problems.Add("签字板尺寸应大于0（Terminal:Pad:Width、Height）");
        }
        if (ExtraPressureBits is < 0 or > 2)
        {
            problems.Add("签字板压力附加位应为0、1或2");
        }
        return problems;
    }
}

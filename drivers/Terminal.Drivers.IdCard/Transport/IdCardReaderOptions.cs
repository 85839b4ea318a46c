namespace Terminal.Drivers.IdCard.Transport;

/// <summary>Settings of the ID card reader (section "IdCardReader" of the terminal's appsettings).</summary>
public sealed class IdCardReaderOptions
{
    /// <summary>The reader's device node, e.g. /dev/ttyS3 or /dev/idcard (udev link, hardware-docs/idcard).</summary>
    public string PortName { get; set; } = "/dev/idcard";

    /// <summary>115200 by default (idcard.md §1); 57600, 38400, 19200 and 9600 are possible.</summary>
    public int BaudRate { get; set; } = 115200;

    /// <summary>Tries per command when the reply is lost or broken, or the SAM reports a frame error.</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>Time between polls for a card.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Time between attempts to reopen a reader that went away.</summary>
    public TimeSpan ReconnectInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Read the fingerprint templates too (30 10 instead of 30 01).</summary>
    public bool ReadFingerprint { get; set; }

    /// <summary>Ask for the appended address (30 03) after each read.</summary>
    public bool ReadAppendedAddress { get; set; } = true;

    /// <summary>The reader vendor's WLT photo decoder library (see hardware-docs/idcard); empty = none installed.</summary>
    public string WltLibrary { get; set; } = "/opt/idcard/lib/libwlt2bmp.so";

    /// <summary>The decoding function in <see cref="WltLibrary"/>.</summary>
    public string WltFunction { get; set; } = "wlt2bmp";

    /// <summary>Checks the settings; returns Chinese reasons for each bad one.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(PortName))
        {
            problems.Add("读卡器串口未设置（IdCardReader:PortName）");
        }
        if (BaudRate is not (115200 or 57600 or 38400 or 19200 or 9600))
        {
            problems.Add($"读卡器波特率{BaudRate}无效：应为115200、57600、38400、19200或9600");
        }
        if (Attempts is < 1 or > 10)
        {
            problems.Add("读卡重试次数应为1至10");
        }
        return problems;
    }
}

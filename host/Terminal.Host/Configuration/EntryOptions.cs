namespace Terminal.Host.Configuration;

/// <summary>The office entry page (录入): the ID-card reader attached to the office PC, if any.</summary>
public sealed class EntryOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Entry";

    /// <summary>The reader's serial port (COM3 on Windows, /dev/ttyUSB0 on Linux); empty: no reader, the clerk types the number.</summary>
    public string ReaderPort { get; set; } = "";

    /// <summary>The reader's baud rate (the SAM module's default).</summary>
    public int ReaderBaudRate { get; set; } = 115200;
}

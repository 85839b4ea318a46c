namespace Terminal.Host.Configuration;

/// <summary>Which district this host serves and where it keeps its files (section "District").</summary>
public sealed class DistrictOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "District";

    /// <summary>The district's 6-digit GB/T 2260 code, e.g. 650105.</summary>
    public string Code { get; set; } = "";

    /// <summary>
    /// The data folder (database file, key file, logs), absolute. Defaults: %ProgramData%\TerminalHost on Windows,
    /// /var/lib/terminal-host elsewhere (the systemd unit's StateDirectory).
    /// </summary>
    public string DataFolder { get; set; } = OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "TerminalHost")
        : "/var/lib/terminal-host";

    /// <summary>A path from the settings, relative ones taken inside <see cref="DataFolder"/>.</summary>
    public string InDataFolder(string path) => Path.IsPathRooted(path) ? path : Path.Combine(DataFolder, path);
}

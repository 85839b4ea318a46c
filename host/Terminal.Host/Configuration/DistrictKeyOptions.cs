namespace Terminal.Host.Configuration;

/// <summary>The district key file and where the service gets its passphrase (section "DistrictKey").</summary>
public sealed class DistrictKeyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DistrictKey";

    /// <summary>The key file, relative to District:DataFolder unless absolute.</summary>
    public string KeyFile { get; set; } = "district.key";

    /// <summary>"File" (a file only the service account reads), "SystemdCredential" (LoadCredential=) or "Environment".</summary>
    public string PassphraseSource { get; set; } = "File";

    /// <summary>The passphrase file (source File), relative to District:DataFolder unless absolute.</summary>
    public string PassphraseFile { get; set; } = "district.key.passphrase";

    /// <summary>The systemd credential's name (source SystemdCredential): the file $CREDENTIALS_DIRECTORY/&lt;name&gt;.</summary>
    public string CredentialName { get; set; } = "district-key-passphrase";

    /// <summary>The environment variable (source Environment).</summary>
    public string PassphraseVariable { get; set; } = "TERMINAL_HOST_KEY_PASSPHRASE";
}

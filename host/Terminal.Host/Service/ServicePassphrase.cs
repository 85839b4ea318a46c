using Terminal.Host.Configuration;
using Terminal.Host.Keys;

namespace Terminal.Host.Service;

/// <summary>The key file's passphrase from the source the settings name (never from the settings themselves).</summary>
internal static class ServicePassphrase
{
    /// <summary>The passphrase; throws <see cref="KeyFileException"/> (<see cref="KeyFileFailure.NoPassphrase"/>) saying what is missing.</summary>
    public static string Read(DistrictKeyOptions key, DistrictOptions district, Func<string, string?> environment)
    {
        switch (key.PassphraseSource)
        {
            case "File":
                return KeyFiles.ReadPassphraseFile(district.InDataFolder(key.PassphraseFile), requireOwnerOnly: true);
            case "SystemdCredential":
                var folder = environment("CREDENTIALS_DIRECTORY");
                if (string.IsNullOrEmpty(folder))
                {
                    throw new KeyFileException(KeyFileFailure.NoPassphrase,
                        $"未收到 systemd 凭据（CREDENTIALS_DIRECTORY 未设置）：单元文件需要 LoadCredential={key.CredentialName}:<口令文件>");
                }
                // systemd makes the credential readable by the service alone; its mode is systemd's business.
                return KeyFiles.ReadPassphraseFile(Path.Combine(folder, key.CredentialName), requireOwnerOnly: false);
            case "Environment":
                var value = environment(key.PassphraseVariable);
                return string.IsNullOrEmpty(value)
                    ? throw new KeyFileException(KeyFileFailure.NoPassphrase, $"环境变量 {key.PassphraseVariable} 未设置：服务拿不到区县密钥的口令")
                    : value;
            default:
                throw new KeyFileException(KeyFileFailure.NoPassphrase, $"DistrictKey:PassphraseSource “{key.PassphraseSource}” 未知");
        }
    }
}

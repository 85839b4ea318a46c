using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace Terminal.Host.Keys;

/// <summary>The DPAPI layer of a key file (Windows only): ProtectedData with the file's header as extra entropy.</summary>
internal static class WindowsDataProtection
{
    [SupportedOSPlatform("windows")]
    public static byte[] Protect(byte[] data, byte[] entropy, KeyProtection protection) =>
        ProtectedData.Protect(data, entropy, ScopeOf(protection));

    [SupportedOSPlatform("windows")]
    public static byte[] Unprotect(byte[] data, byte[] entropy, KeyProtection protection) =>
        ProtectedData.Unprotect(data, entropy, ScopeOf(protection));

    [SupportedOSPlatform("windows")]
    private static DataProtectionScope ScopeOf(KeyProtection protection) =>
        protection == KeyProtection.PassphraseAndDpapiMachine ? DataProtectionScope.LocalMachine : DataProtectionScope.CurrentUser;
}

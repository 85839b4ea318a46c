namespace Terminal.Host.Keys;

/// <summary>What wraps the district's private key in its file (the byte is the file's protection byte).</summary>
public enum KeyProtection : byte
{
    /// <summary>The passphrase only (Argon2id + AES-256-GCM): backups, and every key file off Windows.</summary>
    Passphrase = 0,

    /// <summary>The passphrase, then Windows DPAPI for the user account that wrote it.</summary>
    PassphraseAndDpapiUser = 1,

    /// <summary>The passphrase, then Windows DPAPI for the machine (any account on this PC, the passphrase still needed).</summary>
    PassphraseAndDpapiMachine = 2,
}

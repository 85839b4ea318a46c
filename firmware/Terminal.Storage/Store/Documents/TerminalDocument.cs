namespace Terminal.Storage.Store.Documents;

/// <summary>The terminal's identity in the store (one document, id 1). Nothing here is secret in the clear.</summary>
internal sealed class TerminalDocument
{
    public int Id { get; set; } = 1;

    public string TerminalId { get; set; } = "";

    /// <summary>The district's public key, text form (DistrictPublicKey).</summary>
    public string DistrictKey { get; set; } = "";

    /// <summary>The terminal's audit signing key, public part (SubjectPublicKeyInfo).</summary>
    public byte[] SigningPublicKey { get; set; } = [];

    /// <summary>Its private part (PKCS#8), sealed under the data key.</summary>
    public byte[] SigningPrivateKey { get; set; } = [];

    public DateTimeOffset ProvisionedAt { get; set; }

    /// <summary>The last outbox sequence number given out (1, 2, 3…; never reused, also after purges).</summary>
    public long LastSequence { get; set; }

    /// <summary>The district host's dock signing key (65-byte P-256 point), or empty when provisioning gave none.</summary>
    public byte[] DistrictDockKey { get; set; } = [];

    /// <summary>The host's time at the last docking, as the host sent it (null before the first).</summary>
    public DateTimeOffset? HostClockAt { get; set; }

    /// <summary>Host time minus terminal time at that moment, in milliseconds.</summary>
    public long ClockOffsetMs { get; set; }
}

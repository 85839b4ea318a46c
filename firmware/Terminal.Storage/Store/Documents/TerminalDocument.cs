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
}

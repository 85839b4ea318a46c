namespace Terminal.Storage.Sealing;

/// <summary>
/// How finalized records are sealed for the district (the byte is the envelope's suite byte).
/// </summary>
public enum DistrictSuite : byte
{
    /// <summary>Ephemeral ECDH on P-256, HKDF-SHA256, AES-256-GCM (System.Security.Cryptography).</summary>
    P256 = 2,

    /// <summary>National suite (GB/T 39786): SM2 public-key encryption of a random SM4 key (SM3 inside SM2), SM4-GCM.</summary>
    Sm2 = 3,
}

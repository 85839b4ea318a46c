namespace Terminal.Storage.Sealing;

/// <summary>
/// One district suite: how a content key is made and encapsulated to the district's public key, and the AEAD that
/// seals the payload under it. <see cref="DistrictSeal"/> frames the envelope around it.
/// </summary>
internal abstract class DistrictCipher
{
    public static DistrictCipher For(DistrictSuite suite) => suite switch
    {
        DistrictSuite.P256 => P256Cipher.Instance,
        DistrictSuite.Sm2 => Sm2Cipher.Instance,
        _ => throw new BrokenSealException(SealFailure.UnknownFormat),
    };

    /// <summary>The largest encapsulated key a suite writes (a bound checked before reading).</summary>
    public const int MaxEncapsulatedLength = 256;

    /// <summary>A fresh content key and its encapsulation to <paramref name="recipient"/>. The caller zeroes the key.</summary>
    public abstract (byte[] Encapsulated, byte[] ContentKey) Encapsulate(DistrictPublicKey recipient);

    /// <summary>The content key from its encapsulation; throws <see cref="BrokenSealException"/>.</summary>
    public abstract byte[] Decapsulate(DistrictKeyPair recipient, ReadOnlySpan<byte> encapsulated);

    /// <summary>AEAD encryption with a 12-byte nonce and a 16-byte tag.</summary>
    public abstract void Encrypt(byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, byte[] associatedData);

    /// <summary>AEAD decryption; throws <see cref="BrokenSealException"/> (tampered) when the tag does not match.</summary>
    public abstract void Decrypt(byte[] key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, byte[] associatedData);
}

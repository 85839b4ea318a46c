using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Terminal.Storage.Sealing;

/// <summary>
/// Seals a finalized record for the district: after sealing, only the holder of the district's private key (the
/// host) can open it, not the terminal. The suite is the public key's (<see cref="DistrictSuite"/>); the layout is
/// in <see cref="EnvelopeLayout"/>.
/// </summary>
public static class DistrictSeal
{
    /// <summary>The envelope of <paramref name="plaintext"/> sealed to <paramref name="recipient"/>.</summary>
    public static byte[] Seal(DistrictPublicKey recipient, SealingContext context, ReadOnlySpan<byte> plaintext)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var cipher = DistrictCipher.For(recipient.Suite);
        var (encapsulated, key) = cipher.Encapsulate(recipient);
        try
        {
            var offsetNonce = EnvelopeLayout.OffsetEncapsulated + encapsulated.Length;
            var offsetCiphertext = offsetNonce + EnvelopeLayout.NonceLength;
            var envelope = new byte[offsetCiphertext + plaintext.Length + EnvelopeLayout.TagLength];
            EnvelopeLayout.WriteHeader(envelope, (byte)recipient.Suite);
            recipient.KeyId.CopyTo(envelope.AsSpan(EnvelopeLayout.OffsetKeyId));
            BinaryPrimitives.WriteUInt16BigEndian(envelope.AsSpan(EnvelopeLayout.OffsetEncapsulatedLength), (ushort)encapsulated.Length);
            encapsulated.CopyTo(envelope, EnvelopeLayout.OffsetEncapsulated);
            var nonce = envelope.AsSpan(offsetNonce, EnvelopeLayout.NonceLength);
            RandomNumberGenerator.Fill(nonce);
            var ad = EnvelopeLayout.AssociatedData(envelope.AsSpan(0, offsetNonce), context);
            cipher.Encrypt(key, nonce, plaintext, envelope.AsSpan(offsetCiphertext, plaintext.Length), envelope.AsSpan(envelope.Length - EnvelopeLayout.TagLength), ad);
            return envelope;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The suite an envelope was sealed with; throws <see cref="BrokenSealException"/> when it is no district envelope.</summary>
    public static DistrictSuite SuiteOf(ReadOnlySpan<byte> envelope) => EnvelopeLayout.ReadSuite(envelope) switch
    {
        (byte)DistrictSuite.P256 => DistrictSuite.P256,
        (byte)DistrictSuite.Sm2 => DistrictSuite.Sm2,
        _ => throw new BrokenSealException(SealFailure.UnknownFormat),
    };

    /// <summary>The plaintext (host side); throws <see cref="BrokenSealException"/> saying why it cannot be opened.</summary>
    public static byte[] Open(DistrictKeyPair recipient, SealingContext context, ReadOnlySpan<byte> envelope)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var suite = SuiteOf(envelope);
        if (envelope.Length < EnvelopeLayout.OffsetEncapsulated + EnvelopeLayout.NonceLength + EnvelopeLayout.TagLength)
        {
            throw new BrokenSealException(SealFailure.UnknownFormat);
        }
        if (suite != recipient.Suite || !envelope.Slice(EnvelopeLayout.OffsetKeyId, EnvelopeLayout.KeyIdLength).SequenceEqual(recipient.PublicKey.KeyId))
        {
            throw new BrokenSealException(SealFailure.WrongKey);
        }
        int encapsulatedLength = BinaryPrimitives.ReadUInt16BigEndian(envelope[EnvelopeLayout.OffsetEncapsulatedLength..]);
        var offsetNonce = EnvelopeLayout.OffsetEncapsulated + encapsulatedLength;
        var offsetCiphertext = offsetNonce + EnvelopeLayout.NonceLength;
        if (encapsulatedLength > DistrictCipher.MaxEncapsulatedLength || envelope.Length < offsetCiphertext + EnvelopeLayout.TagLength)
        {
            throw new BrokenSealException(SealFailure.UnknownFormat);
        }
        var cipher = DistrictCipher.For(suite);
        var key = cipher.Decapsulate(recipient, envelope.Slice(EnvelopeLayout.OffsetEncapsulated, encapsulatedLength));
        try
        {
            var length = envelope.Length - offsetCiphertext - EnvelopeLayout.TagLength;
            var plaintext = new byte[length];
            var ad = EnvelopeLayout.AssociatedData(envelope[..offsetNonce], context);
            cipher.Decrypt(key, envelope.Slice(offsetNonce, EnvelopeLayout.NonceLength), envelope.Slice(offsetCiphertext, length), envelope[^EnvelopeLayout.TagLength..], plaintext, ad);
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}

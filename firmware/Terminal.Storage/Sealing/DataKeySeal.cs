using System.Security.Cryptography;

namespace Terminal.Storage.Sealing;

/// <summary>
/// AES-256-GCM under the terminal's data key: a fresh random 96-bit nonce for every seal, the context as
/// associated data. Layout in <see cref="EnvelopeLayout"/>.
/// </summary>
public static class DataKeySeal
{
    private const int OffsetNonce = EnvelopeLayout.HeaderLength;
    private const int OffsetCiphertext = OffsetNonce + EnvelopeLayout.NonceLength;

    /// <summary>The sealed envelope of <paramref name="plaintext"/>.</summary>
    public static byte[] Seal(DataKey key, SealingContext context, ReadOnlySpan<byte> plaintext)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Seal(key.Bytes, context, plaintext);
    }

    /// <summary>The plaintext of an envelope; throws <see cref="BrokenSealException"/> when it cannot be opened.</summary>
    public static byte[] Open(DataKey key, SealingContext context, ReadOnlySpan<byte> envelope)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Open(key.Bytes, context, envelope);
    }

    /// <summary>Seals under a raw 256-bit key (also used to wrap the data key itself).</summary>
    internal static byte[] Seal(ReadOnlySpan<byte> key, SealingContext context, ReadOnlySpan<byte> plaintext)
    {
        var envelope = new byte[OffsetCiphertext + plaintext.Length + EnvelopeLayout.TagLength];
        EnvelopeLayout.WriteHeader(envelope, EnvelopeLayout.DataKeySuite);
        var nonce = envelope.AsSpan(OffsetNonce, EnvelopeLayout.NonceLength);
        RandomNumberGenerator.Fill(nonce);
        var ad = EnvelopeLayout.AssociatedData(envelope.AsSpan(0, EnvelopeLayout.HeaderLength), context);
        using var aes = new AesGcm(key, EnvelopeLayout.TagLength);
        aes.Encrypt(nonce, plaintext, envelope.AsSpan(OffsetCiphertext, plaintext.Length), envelope.AsSpan(envelope.Length - EnvelopeLayout.TagLength), ad);
        return envelope;
    }

    /// <summary>Opens with a raw 256-bit key.</summary>
    internal static byte[] Open(ReadOnlySpan<byte> key, SealingContext context, ReadOnlySpan<byte> envelope)
    {
        if (EnvelopeLayout.ReadSuite(envelope) != EnvelopeLayout.DataKeySuite)
        {
            throw new BrokenSealException(SealFailure.UnknownFormat);
        }
        var length = envelope.Length - OffsetCiphertext - EnvelopeLayout.TagLength;
        var plaintext = new byte[length];
        var ad = EnvelopeLayout.AssociatedData(envelope[..EnvelopeLayout.HeaderLength], context);
        try
        {
            using var aes = new AesGcm(key, EnvelopeLayout.TagLength);
            aes.Decrypt(envelope.Slice(OffsetNonce, EnvelopeLayout.NonceLength), envelope.Slice(OffsetCiphertext, length), envelope[^EnvelopeLayout.TagLength..], plaintext, ad);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new BrokenSealException(SealFailure.Tampered, e);
        }
    }
}

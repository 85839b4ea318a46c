namespace Terminal.Storage.Sealing;

/// <summary>
/// The sealed envelope formats (hardware-docs/storage/ENVELOPE.md). Every envelope starts with the same header:
/// <code>
///  0        2        3        4
///  +--------+--------+--------+
///  | "TS"   | format | suite  |     format = 1; suite: 1 data key, 2 district P-256, 3 district SM2
///  +--------+--------+--------+
/// </code>
/// Data-key envelope (suite 1):    header(4) | nonce(12) | ciphertext | tag(16)
/// District envelope (suites 2, 3): header(4) | key id(8) | encapsulated key length(2, big-endian) |
///                                  encapsulated key | nonce(12) | ciphertext | tag(16)
/// The associated data is everything before the nonce, then the <see cref="SealingContext"/> bytes.
/// </summary>
internal static class EnvelopeLayout
{
    public const byte Magic0 = (byte)'T';
    public const byte Magic1 = (byte)'S';
    public const byte FormatVersion = 1;
    public const byte DataKeySuite = 1;

    public const int HeaderLength = 4;
    public const int OffsetFormat = 2;
    public const int OffsetSuite = 3;
    public const int NonceLength = 12;
    public const int TagLength = 16;
    public const int KeyIdLength = 8;
    public const int OffsetKeyId = HeaderLength;
    public const int OffsetEncapsulatedLength = OffsetKeyId + KeyIdLength;
    public const int OffsetEncapsulated = OffsetEncapsulatedLength + 2;

    /// <summary>Writes the 4-byte header.</summary>
    public static void WriteHeader(Span<byte> destination, byte suite)
    {
        destination[0] = Magic0;
        destination[1] = Magic1;
        destination[OffsetFormat] = FormatVersion;
        destination[OffsetSuite] = suite;
    }

    /// <summary>The suite byte of an envelope, or throws <see cref="BrokenSealException"/> (unknown format).</summary>
    public static byte ReadSuite(ReadOnlySpan<byte> envelope)
    {
        if (envelope.Length < HeaderLength + NonceLength + TagLength || envelope[0] != Magic0 || envelope[1] != Magic1 || envelope[OffsetFormat] != FormatVersion)
        {
            throw new BrokenSealException(SealFailure.UnknownFormat);
        }
        return envelope[OffsetSuite];
    }

    /// <summary>Associated data: the envelope's prefix, then the context.</summary>
    public static byte[] AssociatedData(ReadOnlySpan<byte> prefix, SealingContext context)
    {
        var contextBytes = context.ToAssociatedData();
        var ad = new byte[prefix.Length + contextBytes.Length];
        prefix.CopyTo(ad);
        contextBytes.CopyTo(ad.AsSpan(prefix.Length));
        return ad;
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Terminal.Drivers.IdCard.Protocol;

/// <summary>
/// The data of a successful read (30 01 or 30 10): the text, the chip photo (WLT, kept raw with its SHA-256) and
/// the fingerprint templates when read. Layout (idcard.md §3.1): text length, photo length [, fingerprint length]
/// as big-endian words, then the blocks in that order. The lengths are always taken from the words.
/// </summary>
public sealed record CardData(CardIdentity Identity, ReadOnlyMemory<byte> Text, ReadOnlyMemory<byte> Photo, ReadOnlyMemory<byte> Fingerprint)
{
    /// <summary>Size of the WLT photo block.</summary>
    public const int PhotoLength = 1024;

    /// <summary>SHA-256 of the raw WLT photo, lower-case hex.</summary>
    public string PhotoSha256 => Convert.ToHexStringLower(SHA256.HashData(Photo.Span));

    /// <summary>Splits the data of a read reply. Throws <see cref="SamProtocolException"/> when the words do not fit the data.</summary>
    public static CardData Parse(ReadOnlySpan<byte> data, bool withFingerprint)
    {
        var words = withFingerprint ? 3 : 2;
        if (data.Length < 2 * words)
        {
            throw new SamProtocolException($"read reply has {data.Length} data bytes, fewer than its {words} length words");
        }
        var textLength = BinaryPrimitives.ReadUInt16BigEndian(data);
        var photoLength = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
        var fingerprintLength = withFingerprint ? BinaryPrimitives.ReadUInt16BigEndian(data[4..]) : 0;
        var expected = 2 * words + textLength + photoLength + fingerprintLength;
        if (textLength != CardText.Length || data.Length != expected)
        {
            throw new SamProtocolException($"read reply lengths text {textLength}, photo {photoLength}, fingerprint {fingerprintLength} do not fit its {data.Length} data bytes");
        }
        var text = data.Slice(2 * words, textLength);
        var photo = data.Slice(2 * words + textLength, photoLength);
        var fingerprint = data.Slice(2 * words + textLength + photoLength, fingerprintLength);
        return new CardData(CardText.Decode(text), text.ToArray(), photo.ToArray(), fingerprint.ToArray());
    }

    /// <summary>The data block a reader sends for a card (the simulator's side).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> text, ReadOnlySpan<byte> photo, ReadOnlySpan<byte> fingerprint, bool withFingerprint)
    {
        var words = withFingerprint ? 3 : 2;
        var data = new byte[2 * words + text.Length + photo.Length + (withFingerprint ? fingerprint.Length : 0)];
        BinaryPrimitives.WriteUInt16BigEndian(data, (ushort)text.Length);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(2), (ushort)photo.Length);
        if (withFingerprint)
        {
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(4), (ushort)fingerprint.Length);
        }
        text.CopyTo(data.AsSpan(2 * words));
        photo.CopyTo(data.AsSpan(2 * words + text.Length));
        if (withFingerprint)
        {
            fingerprint.CopyTo(data.AsSpan(2 * words + text.Length + photo.Length));
        }
        return data;
    }
}

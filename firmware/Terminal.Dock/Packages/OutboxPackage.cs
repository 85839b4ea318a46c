using System.Buffers.Binary;

namespace Terminal.Dock.Packages;

/// <summary>
/// The bytes of one outbox package as the dock link carries them (dock-protocol.md §3): a finalized record, its
/// photos and its signature (the strokes as data and the rendered image), each still sealed for the district, so the
/// link and the host's staging never see them in the clear.
/// <code>
/// "TPK2" | record id (16, big-endian GUID) | version (4) | sequence (8) | photos (2) |
/// record envelope length (4) | record envelope | for each photo: length (4) | photo envelope |
/// strokes length (4) | strokes envelope | signature image length (4) | image envelope      (integers big-endian;
///                                                                                           length 0: not signed)
/// </code>
/// </summary>
public static class OutboxPackage
{
    private const int MagicLength = 4;
    private const int OffsetRecordId = 4;
    private const int OffsetVersion = 20;
    private const int OffsetSequence = 24;
    private const int OffsetPhotoCount = 32;
    private const int HeaderLength = 34;

    /// <summary>Largest envelope accepted when decoding (a photo is at most a few MB).</summary>
    public const int MaxEnvelope = 64 * 1024 * 1024;

    private static ReadOnlySpan<byte> Magic => "TPK2"u8;

    /// <summary>The package of a record version with its sealed record, photos and (when signed) signature strokes and image.</summary>
    public static byte[] Encode(Guid recordId, int version, long sequence, ReadOnlySpan<byte> sealedRecord, IReadOnlyList<ReadOnlyMemory<byte>> sealedPhotos,
        ReadOnlySpan<byte> sealedStrokes = default, ReadOnlySpan<byte> sealedSignatureImage = default)
    {
        ArgumentNullException.ThrowIfNull(sealedPhotos);
        if (sealedPhotos.Count > ushort.MaxValue)
        {
            throw new ArgumentException("too many photos", nameof(sealedPhotos));
        }
        var package = new byte[HeaderLength + 4 + sealedRecord.Length + sealedPhotos.Sum(p => 4 + p.Length) + 4 + sealedStrokes.Length + 4 + sealedSignatureImage.Length];
        var w = package.AsSpan();
        Magic.CopyTo(w);
        recordId.TryWriteBytes(w.Slice(OffsetRecordId, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(w[OffsetVersion..], version);
        BinaryPrimitives.WriteInt64BigEndian(w[OffsetSequence..], sequence);
        BinaryPrimitives.WriteUInt16BigEndian(w[OffsetPhotoCount..], (ushort)sealedPhotos.Count);
        var at = HeaderLength;
        at = Put(w, at, sealedRecord);
        foreach (var photo in sealedPhotos)
        {
            at = Put(w, at, photo.Span);
        }
        at = Put(w, at, sealedStrokes);
        Put(w, at, sealedSignatureImage);
        return package;
    }

    /// <summary>The parts of a package; throws <see cref="FormatException"/> for bytes that are not exactly one.</summary>
    public static OutboxPackageContents Decode(ReadOnlySpan<byte> package)
    {
        if (package.Length < HeaderLength + 4 || !package[..MagicLength].SequenceEqual(Magic))
        {
            throw new FormatException("not an outbox package");
        }
        var recordId = new Guid(package.Slice(OffsetRecordId, 16), bigEndian: true);
        var version = BinaryPrimitives.ReadInt32BigEndian(package[OffsetVersion..]);
        var sequence = BinaryPrimitives.ReadInt64BigEndian(package[OffsetSequence..]);
        int photos = BinaryPrimitives.ReadUInt16BigEndian(package[OffsetPhotoCount..]);
        var at = HeaderLength;
        var record = Take(package, ref at);
        var sealedPhotos = new List<byte[]>(photos);
        for (var i = 0; i < photos; i++)
        {
            sealedPhotos.Add(Take(package, ref at));
        }
        var strokes = Take(package, ref at);
        var image = Take(package, ref at);
        return at == package.Length
            ? new OutboxPackageContents(recordId, version, sequence, record, sealedPhotos) { SealedStrokes = strokes, SealedSignatureImage = image }
            : throw new FormatException("bytes after the signature of an outbox package");
    }

    private static int Put(Span<byte> w, int at, ReadOnlySpan<byte> envelope)
    {
        BinaryPrimitives.WriteInt32BigEndian(w[at..], envelope.Length);
        envelope.CopyTo(w[(at + 4)..]);
        return at + 4 + envelope.Length;
    }

    private static byte[] Take(ReadOnlySpan<byte> package, ref int at)
    {
        if (package.Length < at + 4)
        {
            throw new FormatException("an outbox package ends inside a length");
        }
        var length = BinaryPrimitives.ReadInt32BigEndian(package[at..]);
        if (length < 0 || length > MaxEnvelope || package.Length < at + 4 + length)
        {
            throw new FormatException("an outbox package's envelope length does not fit");
        }
        var envelope = package.Slice(at + 4, length).ToArray();
        at += 4 + length;
        return envelope;
    }
}

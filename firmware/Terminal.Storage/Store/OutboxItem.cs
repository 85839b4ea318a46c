using Terminal.Storage.Sealing;

namespace Terminal.Storage.Store;

/// <summary>
/// A finalized record waiting for the dock: its canonical bytes, its photos and its signature's strokes and image,
/// each sealed for the district (contexts "record", "photo", "signature-strokes" and "signature-image" with the record
/// id and version). Only the district's private key opens them.
/// </summary>
public sealed record OutboxItem(Guid RecordId, int Version, DateTimeOffset FinalizedAt, DistrictSuite Suite, ReadOnlyMemory<byte> SealedRecord, IReadOnlyList<ReadOnlyMemory<byte>> SealedPhotos)
{
    /// <summary>The outbox sequence number: 1, 2, 3… per terminal, given at finalize and never reused, so the host can list any that never arrived.</summary>
    public long Sequence { get; init; }

    /// <summary>The signature's strokes (canonical JSON of the pen points), sealed for the district; empty when not signed.</summary>
    public ReadOnlyMemory<byte> SealedStrokes { get; init; }

    /// <summary>The signature's rendered image, sealed for the district; empty when not signed.</summary>
    public ReadOnlyMemory<byte> SealedSignatureImage { get; init; }
}

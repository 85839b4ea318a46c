namespace Terminal.Dock.Packages;

/// <summary>What an <see cref="OutboxPackage"/> holds: the record version, its outbox sequence, the sealed record and the sealed photos.</summary>
public sealed record OutboxPackageContents(Guid RecordId, int Version, long Sequence, byte[] SealedRecord, IReadOnlyList<byte[]> SealedPhotos)
{
    /// <summary>The signature's strokes (canonical JSON of the pen points), sealed for the district; empty when the record is not signed.</summary>
    public byte[] SealedStrokes { get; init; } = [];

    /// <summary>The signature's rendered image, sealed for the district; empty when the record is not signed.</summary>
    public byte[] SealedSignatureImage { get; init; } = [];
}

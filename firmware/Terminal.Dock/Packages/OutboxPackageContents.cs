namespace Terminal.Dock.Packages;

/// <summary>What an <see cref="OutboxPackage"/> holds: the record version, its outbox sequence, the sealed record and the sealed photos.</summary>
public sealed record OutboxPackageContents(Guid RecordId, int Version, long Sequence, byte[] SealedRecord, IReadOnlyList<byte[]> SealedPhotos);

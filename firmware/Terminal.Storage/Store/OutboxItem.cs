using Terminal.Storage.Sealing;

namespace Terminal.Storage.Store;

/// <summary>
/// A finalized record waiting for the dock: its canonical bytes and its photos, each sealed for the district
/// (contexts "record" and "photo" with the record id and version). Only the district's private key opens them.
/// </summary>
public sealed record OutboxItem(Guid RecordId, int Version, DateTimeOffset FinalizedAt, DistrictSuite Suite, ReadOnlyMemory<byte> SealedRecord, IReadOnlyList<ReadOnlyMemory<byte>> SealedPhotos)
{
    /// <summary>The outbox sequence number: 1, 2, 3… per terminal, given at finalize and never reused, so the host can list any that never arrived.</summary>
    public long Sequence { get; init; }

    /// <summary>
    /// The subject's signature sealed for the district (its canonical strokes, then its PNG), under
    /// <see cref="TerminalStore.SignatureContext"/>; empty for an unsigned record. The dock link does not carry it yet.
    /// </summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> SealedSignature { get; init; } = [];
}

namespace Terminal.Storage.Store.Documents;

/// <summary>A finalized record sealed for the district ("record"/"photo", id, version): the terminal cannot read it.</summary>
internal sealed class OutboxDocument
{
    /// <summary>"{record id}/v{version}".</summary>
    public string Id { get; set; } = "";

    public Guid RecordId { get; set; }

    public int Version { get; set; }

    public DateTimeOffset FinalizedAt { get; set; }

    /// <summary>The outbox sequence number (TerminalDocument.LastSequence at finalize).</summary>
    public long Sequence { get; set; }

    public byte[] Record { get; set; } = [];

    public List<byte[]> Photos { get; set; } = [];

    /// <summary>The subject's signature sealed for the district: its strokes, then its rendered image (empty when unsigned).</summary>
    public List<byte[]> Signature { get; set; } = [];
}

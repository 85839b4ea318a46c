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

    /// <summary>The signature's strokes, sealed for the district ("signature-strokes"); empty when not signed.</summary>
    public byte[] Strokes { get; set; } = [];

    /// <summary>The signature's rendered image, sealed for the district ("signature-image"); empty when not signed.</summary>
    public byte[] SignatureImage { get; set; } = [];
}

namespace Terminal.Storage.Store.Documents;

/// <summary>One audit entry: its sequence number and its frame (AuditEntryCodec).</summary>
internal sealed class AuditDocument
{
    public long Id { get; set; }

    public byte[] Entry { get; set; } = [];
}

namespace Terminal.Storage.Store.Documents;

/// <summary>A draft's photo: its bytes sealed under the data key ("photo", record id); id = keyed hash of record id and SHA-256.</summary>
internal sealed class PhotoDocument
{
    public string Id { get; set; } = "";

    public Guid RecordId { get; set; }

    public byte[] Sealed { get; set; } = [];
}

namespace Terminal.Storage.Store.Documents;

/// <summary>The correction list of this collection point (one document, id 1): the items sealed under the data key.</summary>
internal sealed class CorrectionDocument
{
    public int Id { get; set; } = 1;

    public Guid SealId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public byte[] Sealed { get; set; } = [];
}

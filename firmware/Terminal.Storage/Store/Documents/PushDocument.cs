namespace Terminal.Storage.Store.Documents;

/// <summary>A host push already applied (its id), so a push sent again after a lost answer is not applied twice.</summary>
internal sealed class PushDocument
{
    public Guid Id { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}

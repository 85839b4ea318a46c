namespace Terminal.Storage.Store.Documents;

/// <summary>A subject finalized on this terminal; id = keyed hash of the ID number ("此人已采集").</summary>
internal sealed class CollectedDocument
{
    public string Id { get; set; } = "";

    public DateTimeOffset FinalizedAt { get; set; }
}

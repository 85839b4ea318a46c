namespace Terminal.Storage.Store.Documents;

/// <summary>A record being collected: its canonical bytes sealed under the data key ("draft", id, version).</summary>
internal sealed class DraftDocument
{
    public Guid Id { get; set; }

    public int Version { get; set; }

    /// <summary>The workflow step last saved (a step name, no personal data).</summary>
    public string Step { get; set; } = "";

    public DateTimeOffset SavedAt { get; set; }

    public byte[] Sealed { get; set; } = [];

    /// <summary>
    /// For version N+1 of a reviewed record: the <see cref="CorrectionDraft"/> it answers, as JSON sealed under the data
    /// key ("correction-draft", id, version); empty for a first collection.
    /// </summary>
    public byte[] Correction { get; set; } = [];
}

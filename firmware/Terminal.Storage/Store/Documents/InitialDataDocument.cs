namespace Terminal.Storage.Store.Documents;

/// <summary>
/// One subject of the area's roster, sealed under the data key; id = keyed hash of the ID number, NameKey = keyed
/// hash of the name, InitialsKeys = keyed hashes of each spelling of the name's pinyin initials (multikey index).
/// </summary>
internal sealed class InitialDataDocument
{
    public string Id { get; set; } = "";

    public Guid SealId { get; set; }

    public string NameKey { get; set; } = "";

    public string[] InitialsKeys { get; set; } = [];

    public byte[] Sealed { get; set; } = [];
}

namespace Terminal.Storage.Store.Documents;

/// <summary>
/// A correction item answered on this terminal: version N+1 was finalized. Id = the reviewed version's record
/// reference ("{record id}/v{N}"), so the item shows 已补正，待对接 and cannot be opened again (the host's next list,
/// built after it pulled version N+1, no longer holds it; the mark stays, so a stale list cannot make N+1 twice).
/// </summary>
internal sealed class CorrectedDocument
{
    public string Id { get; set; } = "";

    public DateTimeOffset FinalizedAt { get; set; }
}

namespace Terminal.Storage.Store;

/// <summary>What a correction item asks for (数据补缺): a problem in collected data, or data that is missing.</summary>
public enum CorrectionKind
{
    /// <summary>问题数据: a value the district's checks or a reviewer found wrong.</summary>
    Problem = 1,

    /// <summary>缺失数据: a value, photo or document that is missing.</summary>
    Missing = 2,
}

/// <summary>
/// One item of a correction list: the record (id and the version reviewed), the field paths concerned
/// (e.g. "module7.grade", "photos.PersonalPhoto"), and the reviewer's note to the field worker.
/// </summary>
public sealed record CorrectionItem(Guid RecordId, int Version, CorrectionKind Kind, IReadOnlyList<string> FieldPaths, string Note)
{
    /// <summary>
    /// The reviewed version's canonical serialisation (CANONICAL.md), from the district: the terminal purged its own
    /// copy once the host receipted it, so this is what version N+1 starts from. Its photos are held by the district;
    /// version N+1 names those it keeps by hash and carries only the new ones. Empty when the host did not send it.
    /// </summary>
    public string ReviewedRecord { get; init; } = "";
}

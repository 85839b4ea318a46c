namespace Terminal.Storage.Store;

/// <summary>
/// What a draft of version N+1 keeps of the correction item it answers (sealed with the draft, so it survives a new
/// list and a power cut): the kind, the field paths concerned, the reviewer's note, the version reviewed, and the
/// SHA-256 of the reviewed version's photos, which the district holds and the terminal does not — version N+1 names
/// them and finalize accepts them without their bytes (<see cref="TerminalStore.Finalize"/>).
/// </summary>
public sealed record CorrectionDraft(CorrectionKind Kind, IReadOnlyList<string> FieldPaths, string Note, int ReviewedVersion, IReadOnlyList<string> DistrictPhotos)
{
    /// <summary>True when <paramref name="sha256"/> names a photo of the reviewed version (held by the district).</summary>
    public bool IsDistrictPhoto(string sha256) => DistrictPhotos.Contains(sha256, StringComparer.Ordinal);
}

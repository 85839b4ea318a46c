namespace Terminal.Records.Model;

/// <summary>
/// The subject's electronic signature (签字确认, seed 001 §四(三)2), bound to the record's content: it was given
/// for the content whose SHA-256 is <paramref name="ContentSha256"/> (see <c>RecordSerializer.ContentHash</c>).
/// The strokes (pen samples) and the rendered image are stored by hash.
/// </summary>
public sealed record SignatureReference(string ContentSha256, string StrokesSha256, string ImageSha256, DateTimeOffset SignedAt);

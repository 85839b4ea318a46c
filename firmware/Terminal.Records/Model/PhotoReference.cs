namespace Terminal.Records.Model;

/// <summary>
/// A photo the record points to: the bytes live in the store, content-addressed by <paramref name="Sha256"/>
/// (lower-case hex). <paramref name="Label"/> names a document photo ("户口本首页", "退伍证").
/// </summary>
public sealed record PhotoReference(PhotoKind Kind, string Sha256, long Length, string MediaType, int Width, int Height, string? Label = null);

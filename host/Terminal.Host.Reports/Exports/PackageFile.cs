namespace Terminal.Host.Reports.Exports;

/// <summary>One file of a city package as its manifest lists it.</summary>
public sealed record PackageFile(string Path, string Sha256, long Bytes, int? Rows, string? CodeTable);

using Terminal.Records.Model;

namespace Terminal.Host.Storage.Model;

/// <summary>How the ID card's data came at the office: read from the card by the reader, or typed by the clerk.</summary>
public enum CardSource
{
    /// <summary>Read from the chip by the ID-card reader on the office PC.</summary>
    Reader,

    /// <summary>Typed by the clerk (no reader), with a photo of the card uploaded.</summary>
    Typed,
}

/// <summary>
/// One record entered by hand at the office (手工录入): the record (its signature naming the scan of the signed paper
/// form), its photos, the scan, and who entered it how.
/// </summary>
public sealed record OfficeEntry(Record Record, IReadOnlyList<PhotoBlob> Photos, PhotoBlob SignedFormScan, string ClerkUserName, CardSource CardSource, DateTimeOffset EnteredAt);

/// <summary>What the office stored about a record version entered by hand.</summary>
public sealed record RecordProvenance(string ClerkUserName, CardSource CardSource, string ScanSha256, DateTimeOffset EnteredAt);

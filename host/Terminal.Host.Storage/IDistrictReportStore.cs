using Terminal.Host.Storage.Model;
using Terminal.Records.Model;

namespace Terminal.Host.Storage;

/// <summary>
/// What the district's reports and exports read (issue 10): the current version of every record, as the reports
/// library counts and lists them, and the quality figures counted from the ingest's flags.
/// </summary>
public interface IDistrictReportStore
{
    /// <summary>
    /// The newest version of every record (one per subject record), in record id order, read one by one so a district
    /// of 100,000 subjects is never held at once; only those of one street code when <paramref name="street"/> is given.
    /// </summary>
    IAsyncEnumerable<Record> CurrentRecordsAsync(string? street = null, CancellationToken cancellationToken = default);

    /// <summary>Records (current versions) per kind of open ingest flag, for the report's quality figures.</summary>
    Task<FlagFigures> FlagFiguresAsync(CancellationToken cancellationToken = default);
}

using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

/// <summary>
/// The correction round trip (数据补缺) in the district database. Items are made with the reviewer's problem or missing
/// decision (<see cref="IQualityStore.DecideAsync"/>) and corrected by the ingest of a later version
/// (<see cref="IDistrictStore.CommitAsync"/>), each in the same transaction; every change is in the office audit.
/// </summary>
public interface ICorrectionStore
{
    /// <summary>The items filtered and paged (newest first), with the counts per state under the same point and street.</summary>
    Task<CorrectionPage> CorrectionsAsync(CorrectionFilter filter, CancellationToken cancellationToken = default);

    /// <summary>One item, or null when there is none with that id.</summary>
    Task<CorrectionEntry?> CorrectionAsync(Guid itemId, CancellationToken cancellationToken = default);

    /// <summary>Every item on any version of a record, oldest version first.</summary>
    Task<IReadOnlyList<CorrectionEntry>> CorrectionsOfRecordAsync(Guid recordId, CancellationToken cancellationToken = default);

    /// <summary>Closes a corrected item (已补正 → 已关闭) with the reviewer's note; false when it is not (or no longer) corrected.</summary>
    Task<bool> CloseCorrectionAsync(Guid itemId, string note, string userName, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Withdraws an item not yet corrected (待发送 or 已下发 → 已撤销); false when it is corrected, closed, withdrawn or unknown.</summary>
    Task<bool> WithdrawCorrectionAsync(Guid itemId, string note, string userName, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The open items of the collection point of <paramref name="terminalId"/> (read now), and the list it last applied.</summary>
    Task<CorrectionListState> CorrectionListAsync(string terminalId, CancellationToken cancellationToken = default);

    /// <summary>Keeps the parts of a list being sent to <paramref name="terminalId"/>, until their answers come.</summary>
    Task CorrectionListSentAsync(string terminalId, IReadOnlyList<CorrectionPartSent> parts, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// The terminal's answer to push <paramref name="pushId"/>: applied moves the part's items to 已下发 (and, once every part
    /// of its list is applied, makes that list the terminal's); refused keeps the reason. False when the push is not a part of a list.
    /// </summary>
    Task<bool> CorrectionListAnsweredAsync(string terminalId, Guid pushId, bool applied, string answer, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The second copies kept of a record's versions (<see cref="RecordVersionCopy"/>), by version.</summary>
    Task<IReadOnlyList<RecordVersionCopy>> VersionCopiesAsync(Guid recordId, CancellationToken cancellationToken = default);

    /// <summary>The items open (待发送, 已下发, 已补正), closed and withdrawn.</summary>
    Task<CorrectionFigures> CorrectionFiguresAsync(CancellationToken cancellationToken = default);
}

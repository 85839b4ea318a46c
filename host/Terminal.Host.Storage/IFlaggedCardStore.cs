using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

/// <summary>
/// The office's list of flagged ID cards (挂失或异常证件, kept by an administrator): a record collected with a number on
/// it is flagged <see cref="Ingest.IngestFlagCodes.CardFlagged"/> at ingest and when the number is added.
/// </summary>
public interface IFlaggedCardStore
{
    /// <summary>
    /// Puts <paramref name="idNumber"/> on the list (again: replaces the reason) and flags the newest version of every
    /// record carrying it that has no open card flag yet; returns the records flagged now.
    /// </summary>
    Task<int> FlagCardAsync(string idNumber, string reason, string userName, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Takes a number off the list and resolves its records' open card flags in <paramref name="userName"/>'s name; null when it was not on the list.</summary>
    Task<int?> UnflagCardAsync(string idNumber, string userName, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The list, newest first.</summary>
    Task<IReadOnlyList<FlaggedCard>> FlaggedCardsAsync(CancellationToken cancellationToken = default);
}

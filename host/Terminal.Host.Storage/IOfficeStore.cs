using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

/// <summary>The office's own data in the district database: staff accounts and the office audit (append only).</summary>
public interface IOfficeStore
{
    /// <summary>Adds an account; false when the user name is taken.</summary>
    Task<bool> AddAccountAsync(StaffAccount account, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>An account, or null.</summary>
    Task<StaffAccount?> AccountAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>Every account, by user name.</summary>
    Task<IReadOnlyList<StaffAccount>> AccountsAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets a new password and clears failures and lockout; false when there is no such account.</summary>
    Task<bool> SetPasswordAsync(string userName, StoredPassword password, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Disables or enables an account; false when there is no such account.</summary>
    Task<bool> SetDisabledAsync(string userName, bool disabled, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Counts a failed login; locks the account until <paramref name="lockUntil"/> once <paramref name="lockAfter"/> failures are reached. Returns the failures so far.</summary>
    Task<int> CountFailedLoginAsync(string userName, int lockAfter, DateTimeOffset lockUntil, CancellationToken cancellationToken = default);

    /// <summary>Clears the failure count after a good login.</summary>
    Task ClearFailedLoginsAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>Appends to the office audit.</summary>
    Task AppendAuditAsync(OfficeAuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The office audit entries about <paramref name="subject"/> (all when null), newest first.</summary>
    Task<IReadOnlyList<OfficeAuditEntry>> AuditAsync(string? subject, int limit = 200, CancellationToken cancellationToken = default);
}

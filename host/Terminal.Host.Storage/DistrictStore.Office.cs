using Dapper;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Storage;

public sealed partial class DistrictStore : IOfficeStore
{
    private const string AccountColumns =
        "user_name AS UserName, display_name AS DisplayName, role AS Role, password_hash AS Hash, password_salt AS Salt, kdf_memory_kib AS MemoryKiB, " +
        "kdf_iterations AS Iterations, kdf_parallelism AS Parallelism, disabled AS Disabled, failed_logins AS FailedLogins, locked_until AS LockedUntil";

    /// <inheritdoc/>
    public async Task<bool> AddAccountAsync(StaffAccount account, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO staff_accounts (user_name, display_name, role, password_hash, password_salt, kdf_memory_kib, kdf_iterations, kdf_parallelism, disabled, failed_logins, created_at, changed_at)
            VALUES (@UserName, @DisplayName, @role, @Hash, @Salt, @MemoryKiB, @Iterations, @Parallelism, @disabled, 0, @at, @at) ON CONFLICT (user_name) DO NOTHING
            """,
            new { account.UserName, account.DisplayName, role = account.Role.ToString(), account.Password.Hash, account.Password.Salt, MemoryKiB = (long)account.Password.MemoryKiB,
                Iterations = (long)account.Password.Iterations, Parallelism = (long)account.Password.Parallelism, disabled = account.Disabled ? 1L : 0L, at = Iso(at) },
            cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async Task<StaffAccount?> AccountAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await c.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"SELECT {AccountColumns} FROM staff_accounts WHERE user_name = @userName", new { userName }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToAccount();
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StaffAccount>> AccountsAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<AccountRow>(new CommandDefinition($"SELECT {AccountColumns} FROM staff_accounts ORDER BY user_name", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToAccount())];
    }

    /// <inheritdoc/>
    public async Task<bool> SetPasswordAsync(string userName, StoredPassword password, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(password);
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE staff_accounts SET password_hash = @Hash, password_salt = @Salt, kdf_memory_kib = @MemoryKiB, kdf_iterations = @Iterations, kdf_parallelism = @Parallelism,
                   failed_logins = 0, locked_until = NULL, changed_at = @at WHERE user_name = @userName
            """,
            new { userName, password.Hash, password.Salt, MemoryKiB = (long)password.MemoryKiB, Iterations = (long)password.Iterations, Parallelism = (long)password.Parallelism, at = Iso(at) },
            cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async Task<bool> SetDisabledAsync(string userName, bool disabled, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await c.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_accounts SET disabled = @disabled, changed_at = @at WHERE user_name = @userName",
            new { userName, disabled = disabled ? 1L : 0L, at = Iso(at) }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async Task<int> CountFailedLoginAsync(string userName, int lockAfter, DateTimeOffset lockUntil, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var failures = await c.ExecuteScalarAsync<long?>(new CommandDefinition(
            "UPDATE staff_accounts SET failed_logins = failed_logins + 1 WHERE user_name = @userName RETURNING failed_logins",
            new { userName }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0;
        if (failures >= lockAfter)
        {
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE staff_accounts SET failed_logins = 0, locked_until = @until WHERE user_name = @userName",
                new { userName, until = Iso(lockUntil) }, tx, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (int)failures;
    }

    /// <inheritdoc/>
    public async Task ClearFailedLoginsAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_accounts SET failed_logins = 0, locked_until = NULL WHERE user_name = @userName", new { userName }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task AppendAuditAsync(OfficeAuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO office_audit (at, user_name, action, subject, detail) VALUES (@at, @UserName, @Action, @Subject, @Detail)",
            new { at = Iso(entry.At), entry.UserName, entry.Action, entry.Subject, entry.Detail }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OfficeAuditEntry>> AuditAsync(string? subject, int limit = 200, CancellationToken cancellationToken = default)
    {
        await using var c = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await c.QueryAsync<(string At, string User, string Action, string Subject, string Detail)>(new CommandDefinition(
            "SELECT at, user_name, action, subject, detail FROM office_audit WHERE (@subject IS NULL OR subject = @subject) ORDER BY entry_id DESC LIMIT @limit",
            new { subject, limit = (long)Math.Clamp(limit, 1, 10_000) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new OfficeAuditEntry(ParseIso(r.At), r.User, r.Action, r.Subject, r.Detail))];
    }

    private sealed class AccountRow
    {
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Role { get; set; } = "";
        public byte[] Hash { get; set; } = [];
        public byte[] Salt { get; set; } = [];
        public long MemoryKiB { get; set; }
        public long Iterations { get; set; }
        public long Parallelism { get; set; }
        public long Disabled { get; set; }
        public long FailedLogins { get; set; }
        public string? LockedUntil { get; set; }

        public StaffAccount ToAccount() => new(UserName, DisplayName, Enum.Parse<StaffRole>(Role),
            new StoredPassword(Hash, Salt, (int)MemoryKiB, (int)Iterations, (int)Parallelism), Disabled != 0, (int)FailedLogins,
            LockedUntil is null ? null : ParseIso(LockedUntil));
    }
}

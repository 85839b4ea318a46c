using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Accounts;

/// <summary>The outcome of a login: the account when it succeeded, else the Chinese message the login page shows.</summary>
public sealed record SignInOutcome(StaffAccount? Account, string? Message);

/// <summary>
/// Checks an office login: a disabled account is refused; after <see cref="LockAfter"/> wrong passwords in a row
/// the account is locked for <see cref="LockFor"/>. An unknown user name costs the same Argon2id time as a known one
/// and gets the same message, so the page does not tell which user names exist.
/// </summary>
public sealed class StaffSignIn
{
    /// <summary>Wrong passwords in a row that lock the account.</summary>
    public const int LockAfter = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    private static readonly Lazy<StoredPassword> Decoy = new(() => StaffPasswords.Hash(Guid.NewGuid().ToString()));

    private readonly IOfficeStore _store;
    private readonly TimeProvider _time;

    public StaffSignIn(IOfficeStore store, TimeProvider? time = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? TimeProvider.System;
    }

    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        const string wrong = "用户名或密码不对，请重新输入";
        var account = userName.Length is > 0 and <= 64 ? await _store.AccountAsync(userName, cancellationToken).ConfigureAwait(false) : null;
        if (account is null)
        {
            StaffPasswords.Verify(Decoy.Value, password);
            return new SignInOutcome(null, wrong);
        }
        var now = _time.GetUtcNow();
        if (account.LockedUntil is { } until && until > now)
        {
            return new SignInOutcome(null, $"密码连续输错 {LockAfter} 次，账户已锁定，请在 {until.ToOffset(TimeSpan.FromHours(8)):HH:mm} 之后再试，或请管理员重设密码");
        }
        if (!StaffPasswords.Verify(account.Password, password))
        {
            var failures = await _store.CountFailedLoginAsync(account.UserName, LockAfter, now + LockFor, cancellationToken).ConfigureAwait(false);
            return new SignInOutcome(null, failures >= LockAfter
                ? $"密码连续输错 {LockAfter} 次，账户已锁定 {LockFor.TotalMinutes:0} 分钟"
                : $"{wrong}（再错 {LockAfter - failures} 次账户将被锁定）");
        }
        if (account.Disabled)
        {
            return new SignInOutcome(null, "此账户已停用，请联系管理员");
        }
        await _store.ClearFailedLoginsAsync(account.UserName, cancellationToken).ConfigureAwait(false);
        return new SignInOutcome(account, null);
    }
}

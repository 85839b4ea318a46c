using System.Security.Cryptography;
using Terminal.Host.Keys;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Accounts;

/// <summary>
/// Office staff passwords: Argon2id through the same <see cref="KeyDerivation"/> that wraps the district key (one
/// implementation of the derivation), a random salt per password, the parameters stored beside the hash.
/// </summary>
public static class StaffPasswords
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumLength = 10;

    /// <summary>
    /// Cost of a new password: 19 MiB, 2 passes, 1 lane (OWASP's Argon2id minimum). Lower than the district key's,
    /// because every login pays it and a reviewer logs in many times a day; the lockout bounds guessing online.
    /// </summary>
    public static KeyDerivation DefaultCost { get; } = new(KeyDerivation.MinimumMemoryKiB, 2, 1);

    /// <summary>Null when <paramref name="password"/> may be set, else the reason in Chinese.</summary>
    public static string? ProblemOf(string password, string userName)
    {
        ArgumentNullException.ThrowIfNull(password);
        return password.Length < MinimumLength ? $"密码太短：至少 {MinimumLength} 个字符（现为 {password.Length} 个）"
            : string.Equals(password, userName, StringComparison.OrdinalIgnoreCase) ? "密码不能与用户名相同"
            : password.Distinct().Count() < 4 ? "密码过于简单：请混用不同的字母、数字或符号"
            : null;
    }

    /// <summary>The hash of a new password.</summary>
    public static StoredPassword Hash(string password, KeyDerivation? cost = null)
    {
        var derivation = cost ?? DefaultCost;
        var salt = RandomNumberGenerator.GetBytes(KeyDerivation.SaltLength);
        return new StoredPassword(derivation.Derive(password, salt), salt, derivation.MemoryKiB, derivation.Iterations, derivation.Parallelism);
    }

    /// <summary>True when <paramref name="password"/> is the one <paramref name="stored"/> was made from (constant-time compare).</summary>
    public static bool Verify(StoredPassword stored, string password)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var derivation = new KeyDerivation(stored.MemoryKiB, stored.Iterations, stored.Parallelism);
        if (!derivation.IsWithinRfc9106)
        {
            return false;
        }
        var derived = derivation.Derive(password, stored.Salt);
        try
        {
            return CryptographicOperations.FixedTimeEquals(derived, stored.Hash);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
        }
    }
}

namespace Terminal.Host.Storage.Model;

/// <summary>An office staff account: its role, its password's Argon2id hash, whether it is disabled or locked out.</summary>
public sealed record StaffAccount(string UserName, string DisplayName, StaffRole Role, StoredPassword Password, bool Disabled, int FailedLogins,
    DateTimeOffset? LockedUntil);

/// <summary>An Argon2id password hash with the salt and the parameters it was made with (so the defaults may change).</summary>
public sealed record StoredPassword(byte[] Hash, byte[] Salt, int MemoryKiB, int Iterations, int Parallelism);

/// <summary>One entry of the office audit: who viewed personal data or changed anything, what, about whom, when.</summary>
/// <param name="Subject">What it was about: "record:{id}", "photo:{sha}", "account:{name}", "search", "roster".</param>
public sealed record OfficeAuditEntry(DateTimeOffset At, string UserName, string Action, string Subject, string Detail);

namespace Terminal.Storage.Keys;

/// <summary>
/// Wrong-PIN policy: after the n-th wrong PIN in a row the next try waits <see cref="FirstDelay"/> × 2^(n−1);
/// the <see cref="MaxFailures"/>-th locks the operator until a technician unlocks with the recovery key.
/// </summary>
public sealed record PinLockoutOptions
{
    /// <summary>Wrong PINs in a row that lock (default 5).</summary>
    public int MaxFailures { get; init; } = 5;

    /// <summary>The wait after the first wrong PIN (default 2 s; then 4, 8, 16 s).</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The wait before the next try after <paramref name="failures"/> wrong PINs in a row.</summary>
    public TimeSpan DelayAfter(int failures) =>
        failures <= 0 ? TimeSpan.Zero : FirstDelay * Math.Pow(2, Math.Min(failures - 1, 20));
}

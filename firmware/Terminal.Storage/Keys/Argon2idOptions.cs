namespace Terminal.Storage.Keys;

/// <summary>
/// Cost of deriving an operator's key from the PIN (Argon2id, RFC 9106). Production defaults were measured for
/// a handheld (hardware-docs/storage/KEYS.md); tests use <see cref="Cheap"/>. The parameters are stored with each
/// key slot, so changing them affects only slots written afterwards.
/// </summary>
public sealed record Argon2idOptions
{
    /// <summary>Memory in KiB (production default 64 MiB).</summary>
    public int MemoryKiB { get; init; } = 64 * 1024;

    /// <summary>Passes over the memory (production default 3).</summary>
    public int Iterations { get; init; } = 3;

    /// <summary>Lanes (production default 1: the handheld's cores serve the UI meanwhile).</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>For tests only: fast and weak.</summary>
    public static Argon2idOptions Cheap { get; } = new() { MemoryKiB = 64, Iterations = 1, Parallelism = 1 };

    /// <summary>Throws <see cref="ArgumentException"/> for parameters RFC 9106 does not allow.</summary>
    public void Validate()
    {
        if (Parallelism is < 1 or > 16 || Iterations is < 1 or > 100 || MemoryKiB < 8 * Parallelism || MemoryKiB > 4 * 1024 * 1024)
        {
            throw new ArgumentException("Argon2id parameters out of range: 1–16 lanes, 1–100 passes, memory 8×lanes KiB to 4 GiB");
        }
    }
}

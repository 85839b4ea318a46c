namespace Terminal.Host.Dock;

/// <summary>The host's dock settings (configuration section "Dock").</summary>
public sealed record HostDockOptions
{
    /// <summary>Where partly received packages are kept between dockings (durable).</summary>
    public required string StagingFolder { get; init; }

    /// <summary>The hash-chained log of docking results.</summary>
    public required string LogPath { get; init; }

    /// <summary>How often the serial ports are listed.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>After a docking that failed while the terminal stays plugged in, the time before trying again.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The chunk: the most package bytes in flight at once, asked for in four requests; a cut re-sends at most this much.</summary>
    public int ChunkSize { get; init; } = 64 * 1024;

    /// <summary>Time to wait for an answer before asking again.</summary>
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Port paths to watch (file-name wildcards allowed); null: the platform's (<see cref="SerialPortScan.Defaults"/>).</summary>
    public IReadOnlyList<string>? Ports { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting that cannot work.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(StagingFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(LogPath);
        if (PollInterval <= TimeSpan.Zero || RetryDelay < TimeSpan.Zero || AnswerTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Dock: PollInterval and AnswerTimeout must be positive, RetryDelay not negative");
        }
        if (ChunkSize is < 512 or > Terminal.Dock.Pull.DockPuller.MaxChunk)
        {
            throw new ArgumentException($"Dock: ChunkSize must be 512 to {Terminal.Dock.Pull.DockPuller.MaxChunk}");
        }
    }
}

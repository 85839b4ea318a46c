namespace Terminal.Dock.Pull;

/// <summary>
/// One finalized package waiting in a terminal's outbox: its sequence number (1, 2, 3… per terminal, never reused,
/// so the host can prove none is missing), the package's id, size and SHA-256 (lower-case hex). The bytes are the
/// record sealed for the district: the dock link carries them without reading them.
/// </summary>
public sealed record OutboxEntry(long Sequence, string PackageId, long Length, string Sha256);

/// <summary>A package the host received whole and verified against its manifest entry.</summary>
public sealed record ReceivedPackage(OutboxEntry Entry, byte[] Bytes);

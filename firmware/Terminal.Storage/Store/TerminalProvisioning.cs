using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;

namespace Terminal.Storage.Store;

/// <summary>
/// What a technician gives a new terminal: its id, the district's public key (sealing), the recovery key, the first
/// operator, and the district host's dock signing key (65-byte P-256 point: the only host the dock link will talk to).
/// </summary>
public sealed record TerminalProvisioning(string TerminalId, DistrictPublicKey DistrictKey, RecoveryKey RecoveryKey, string OperatorId, string Pin, byte[]? DistrictDockKey = null);

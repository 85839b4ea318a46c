using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;

namespace Terminal.Storage.Store;

/// <summary>What a technician gives a new terminal: its id, the district's public key, the recovery key and the first operator.</summary>
public sealed record TerminalProvisioning(string TerminalId, DistrictPublicKey DistrictKey, RecoveryKey RecoveryKey, string OperatorId, string Pin);

namespace Terminal.Host.Storage.Model;

/// <summary>A terminal this district provisioned: its collection point and its public key (verifies its audit checkpoints).</summary>
public sealed record TerminalRegistration(string TerminalId, string CollectionPointCode, byte[] PublicKey, DateTimeOffset ProvisionedAt, DateTimeOffset? LastDockedAt = null);

using Terminal.Storage.Sealing;

namespace Terminal.Host.Keys;

/// <summary>What a key file tells without its passphrase.</summary>
public sealed record DistrictKeyFileInfo(DistrictSuite Suite, KeyProtection Protection, KeyDerivation Derivation, DistrictPublicKey PublicKey);

using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;

namespace Terminal.Storage.CrashProbe;

/// <summary>A store provisioned for the probe outside a test process (the power-cut tier builds its disk from it).</summary>
internal static class ProbeStore
{
    /// <summary>Terminal id of the probe's stores.</summary>
    public const string TerminalId = "T650105-PC";

    /// <summary>
    /// Provisions a store in <paramref name="folder"/> with test-cost Argon2id and writes the district private key
    /// to <paramref name="keyFile"/> (text: the suite, a colon, the scalar in hex), read back by the power-cut test (Terminal.Storage.Tests, Support/AcknowledgedWork.cs).
    /// </summary>
    public static void Provision(string folder, string operatorId, string pin, string keyFile)
    {
        using var district = DistrictKeyPair.Generate(DistrictSuite.P256);
        using var recovery = RecoveryKey.Generate();
        var options = new TerminalStoreOptions { Folder = folder, Argon2id = Argon2idOptions.Cheap };
        using (TerminalStore.Provision(options, new TerminalProvisioning(TerminalId, district.PublicKey, recovery, operatorId, pin)))
        {
        }
        File.WriteAllText(keyFile, district.Suite + ":" + Convert.ToHexString(district.ExportPrivateKey()));
    }
}

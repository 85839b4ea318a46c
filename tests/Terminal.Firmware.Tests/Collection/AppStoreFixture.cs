using Terminal.Firmware.Collection;
using Terminal.Firmware.Web;
using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Tests.Collection;

/// <summary>The app's <see cref="TerminalState"/> on a freshly provisioned store, logged in, with one draft begun.</summary>
internal sealed class AppStoreFixture : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "app-store-" + Guid.NewGuid().ToString("N")[..8]);

    public AppStoreFixture(Func<TerminalAppOptions, TerminalAppOptions>? configure = null)
    {
        using (var district = DistrictKeyPair.Generate(DistrictSuite.P256))
        using (var recovery = RecoveryKey.Generate())
        using (TerminalStore.Provision(new TerminalStoreOptions { Folder = Path.Combine(_folder, "store"), Argon2id = Argon2idOptions.Cheap },
            new TerminalProvisioning("T650105-04", district.PublicKey, recovery, "op-0401", "246810")))
        {
        }
        var options = new TerminalAppOptions { StoreFolder = Path.Combine(_folder, "store"), CollectionPointCode = "650105-04", DemoCamera = true };
        Options = configure?.Invoke(options) ?? options;
        State = new TerminalState(Options);
        Assert.IsTrue(State.Store!.Login("op-0401", "246810").Succeeded);
        RecordId = new CollectionWorkflow(State, TimeProvider.System).BeginFromTypedNumber("650105197002050029", CollectionMode.OnSite).RecordId;
    }

    public TerminalAppOptions Options { get; }

    public TerminalState State { get; }

    public TerminalStore Store => State.Store!;

    public Guid RecordId { get; }

    public string Folder => _folder;

    public Record Record => Store.LoadDraft(RecordId)!.Record;

    public static FormDefinition Form => FormDefinitions.Current;

    public void Dispose()
    {
        State.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

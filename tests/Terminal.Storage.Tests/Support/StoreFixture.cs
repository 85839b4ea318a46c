using System.Collections.Immutable;
using System.Security.Cryptography;
using Terminal.Records.Model;
using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Testing;

namespace Terminal.Storage.Tests.Support;

/// <summary>A store in a fresh temporary folder, provisioned with cheap Argon2id, and the district key to open what it seals.</summary>
internal sealed class StoreFixture : IDisposable
{
    public const string OperatorId = "op-0401";
    public const string Pin = "246810";

    public StoreFixture(DistrictSuite suite = DistrictSuite.P256, Func<TerminalStoreOptions, TerminalStoreOptions>? configure = null, TimeProvider? time = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "store-" + Guid.NewGuid().ToString("N")[..12]);
        District = DistrictKeyPair.Generate(suite);
        Recovery = RecoveryKey.Generate();
        var options = new TerminalStoreOptions { Folder = Folder, Argon2id = Argon2idOptions.Cheap };
        Options = configure?.Invoke(options) ?? options;
        Time = time ?? TimeProvider.System;
        Store = TerminalStore.Provision(Options, new TerminalProvisioning("T650105-04", District.PublicKey, Recovery, OperatorId, Pin), Time);
    }

    public string Folder { get; }

    public DistrictKeyPair District { get; }

    public RecoveryKey Recovery { get; }

    public TerminalStoreOptions Options { get; }

    public TimeProvider Time { get; }

    public TerminalStore Store { get; private set; }

    /// <summary>Closes the store and opens it again (logged out).</summary>
    public TerminalStore Reopen()
    {
        Store.Dispose();
        Store = TerminalStore.Open(Options, Time);
        return Store;
    }

    /// <summary>Reopens and logs in.</summary>
    public TerminalStore ReopenLoggedIn()
    {
        Reopen();
        Assert.IsTrue(Store.Login(OperatorId, Pin).Succeeded);
        return Store;
    }

    /// <summary>The sample record under a new id, with <paramref name="photos"/> random photos saved in the store and named in it.</summary>
    public Record SampleWithPhotos(int photos = 2, string? name = null, string? idNumber = null)
    {
        var record = SampleRecords.DisabledDischargedSoldier() with { RecordId = Guid.NewGuid(), Signature = null, Photos = [] };
        if (name is not null)
        {
            record = record.With("identity.name", name, FieldSource.Chip);
        }
        if (idNumber is not null)
        {
            record = record.With("identity.idNumber", idNumber, FieldSource.Chip);
        }
        var references = ImmutableArray.CreateBuilder<PhotoReference>();
        for (var i = 0; i < photos; i++)
        {
            var bytes = RandomNumberGenerator.GetBytes(3000 + i);
            var sha = Store.SavePhoto(record.RecordId, bytes);
            references.Add(new PhotoReference(PhotoKind.PersonalPhoto, sha, bytes.Length, "image/jpeg", 720, 960));
        }
        return Terminal.Testing.Storage.SampleSignatures.Sign(Store, record with { Photos = references.ToImmutable() });
    }

    public void Dispose()
    {
        Store.Dispose();
        District.Dispose();
        Recovery.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a child process may still hold it for a moment; the temp folder is cleaned by the system
        }
    }
}

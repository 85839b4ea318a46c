using Terminal.Host.Keys;
using Terminal.Storage.Sealing;

namespace Terminal.Host.Service;

/// <summary>The district's opened key pair for the life of the service (zeroed on dispose).</summary>
public sealed class DistrictKeyRing : IDisposable
{
    private DistrictKeyPair? _pair;

    /// <summary>The key pair; throws until <see cref="Open"/> succeeded.</summary>
    public DistrictKeyPair Key => _pair ?? throw new InvalidOperationException("the district key is not open yet");

    /// <summary>True once the key is open.</summary>
    public bool IsOpen => _pair is not null;

    /// <summary>Opens the key file with the passphrase; throws <see cref="KeyFileException"/> saying why not.</summary>
    public void Open(string keyFile, Func<string> passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        var bytes = KeyFiles.Read(keyFile);
        DistrictKeyFile.Inspect(bytes); // a damaged or foreign file is reported as such before any passphrase is asked for
        var pair = DistrictKeyFile.Open(bytes, passphrase());
        Interlocked.Exchange(ref _pair, pair)?.Dispose();
    }

    public void Dispose() => Interlocked.Exchange(ref _pair, null)?.Dispose();
}

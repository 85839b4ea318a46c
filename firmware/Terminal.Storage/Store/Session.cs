using System.Security.Cryptography;
using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;

namespace Terminal.Storage.Store;

/// <summary>What a logged-in operator's session holds in memory: the data key, the index keys, the audit signing key.</summary>
internal sealed class Session : IDisposable
{
    public Session(string operatorId, DataKey dataKey, ECDsa signer)
    {
        OperatorId = operatorId;
        DataKey = dataKey;
        Index = new IndexKeys(dataKey);
        Signer = signer;
    }

    public string OperatorId { get; }

    public DataKey DataKey { get; }

    public IndexKeys Index { get; }

    public ECDsa Signer { get; }

    /// <summary>The signing key's context: sealed under the data key, purpose "signing-key".</summary>
    public static SealingContext SigningKeyContext { get; } = new("signing-key", Guid.Empty, 0);

    /// <summary>A session whose signing key is unsealed from the terminal document.</summary>
    public static Session Open(string operatorId, DataKey dataKey, byte[] sealedSigningKey)
    {
        var pkcs8 = DataKeySeal.Open(dataKey, SigningKeyContext, sealedSigningKey);
        try
        {
            var signer = ECDsa.Create();
            signer.ImportPkcs8PrivateKey(pkcs8, out _);
            return new Session(operatorId, dataKey, signer);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    public void Dispose()
    {
        Index.Dispose();
        DataKey.Dispose();
        Signer.Dispose();
    }
}

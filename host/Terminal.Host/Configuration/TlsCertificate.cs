using System.Security.Cryptography.X509Certificates;

namespace Terminal.Host.Configuration;

/// <summary>The TLS certificate from the "Listen" settings.</summary>
internal static class TlsCertificate
{
    /// <summary>
    /// The PEM certificate with its key, re-imported through PKCS#12 so that its key is usable by SslStream on
    /// Windows too (a key loaded from PEM is ephemeral there).
    /// </summary>
    public static X509Certificate2 Load(ListenOptions options)
    {
        using var pem = X509Certificate2.CreateFromPemFile(options.CertificateFile, options.CertificateKeyFile);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}

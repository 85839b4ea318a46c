namespace Terminal.Host.Configuration;

/// <summary>
/// Where the office pages are served (section "Listen"): 127.0.0.1 by default. Any other address serves the office
/// network and is allowed only with TLS (a certificate and its key, PEM).
/// </summary>
public sealed class ListenOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Listen";

    /// <summary>The IP address to listen on.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The TCP port.</summary>
    public int Port { get; set; } = 5180;

    /// <summary>The TLS certificate (PEM); required off loopback.</summary>
    public string CertificateFile { get; set; } = "";

    /// <summary>The certificate's private key (PEM, unencrypted, readable only by the service account).</summary>
    public string CertificateKeyFile { get; set; } = "";

    /// <summary>True when a certificate is configured.</summary>
    public bool UsesTls => CertificateFile.Length > 0;
}

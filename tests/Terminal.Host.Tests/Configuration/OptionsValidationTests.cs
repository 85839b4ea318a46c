using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Terminal.Host.Configuration;

namespace Terminal.Host.Tests.Configuration;

/// <summary>Each settings mistake is refused with a Chinese message that names the setting.</summary>
[TestClass]
public sealed class OptionsValidationTests
{
    private static IReadOnlyList<string> Failures(Microsoft.Extensions.Options.ValidateOptionsResult result) => result.Failed ? [.. result.Failures!] : [];

    [TestMethod]
    public void District_MissingOrUnknownCodeAndRelativeFolder_NameTheSettings()
    {
        var validator = new DistrictOptionsValidator();
        Assert.IsEmpty(Failures(validator.Validate(null, new DistrictOptions { Code = "650105", DataFolder = Path.GetTempPath() })));
        var missing = Failures(validator.Validate(null, new DistrictOptions { Code = "", DataFolder = "data" }));
        Assert.HasCount(2, missing);
        StringAssert.StartsWith(missing[0], "District:Code 未设置");
        StringAssert.StartsWith(missing[1], "District:DataFolder 必须是绝对路径");
        StringAssert.Contains(Failures(validator.Validate(null, new DistrictOptions { Code = "659999", DataFolder = Path.GetTempPath() }))[0], "不是已知的 6 位区县代码");
    }

    [TestMethod]
    public void Database_UnknownKindOrPostgresWithoutConnectionString_NameTheSettings()
    {
        var validator = new DatabaseOptionsValidator();
        Assert.IsEmpty(Failures(validator.Validate(null, new DatabaseOptions())));
        Assert.IsEmpty(Failures(validator.Validate(null, new DatabaseOptions { Kind = "postgres", ConnectionString = "Host=db;Database=district" })));
        StringAssert.StartsWith(Failures(validator.Validate(null, new DatabaseOptions { Kind = "MySQL" }))[0], "Database:Kind 应为 Sqlite 或 Postgres");
        StringAssert.Contains(Failures(validator.Validate(null, new DatabaseOptions { Kind = "Postgres" }))[0], "Database:ConnectionString");
    }

    [TestMethod]
    [DataRow("0.0.0.0")]
    [DataRow("192.168.10.5")]
    [DataRow("::")]
    public void Listen_OffLoopbackWithoutTls_Refused(string address)
    {
        var failures = Failures(new ListenOptionsValidator().Validate(null, new ListenOptions { Address = address }));
        Assert.HasCount(1, failures);
        StringAssert.Contains(failures[0], $"Listen:Address 为 {address}");
        StringAssert.Contains(failures[0], "必须启用 TLS");
    }

    [TestMethod]
    [DataRow("127.0.0.1")]
    [DataRow("::1")]
    public void Listen_LoopbackWithoutTls_Allowed(string address) =>
        Assert.IsEmpty(Failures(new ListenOptionsValidator().Validate(null, new ListenOptions { Address = address })));

    [TestMethod]
    public void Listen_BadAddressPortOrCertificate_NameTheSettings()
    {
        var validator = new ListenOptionsValidator();
        StringAssert.StartsWith(Failures(validator.Validate(null, new ListenOptions { Address = "localhost" }))[0], "Listen:Address “localhost” 不是 IP 地址");
        StringAssert.StartsWith(Failures(validator.Validate(null, new ListenOptions { Port = 70000 }))[0], "Listen:Port 应在 1 到 65535 之间");
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("cert.pem"), "not a certificate");
        File.WriteAllText(temp.File("key.pem"), "not a key");
        var garbage = Failures(validator.Validate(null, new ListenOptions { Address = "0.0.0.0", CertificateFile = temp.File("cert.pem"), CertificateKeyFile = temp.File("key.pem") }));
        StringAssert.Contains(garbage[0], "无法作为 PEM 证书和私钥读取");
        StringAssert.Contains(Failures(validator.Validate(null, new ListenOptions { CertificateFile = temp.File("cert.pem") }))[0], "Listen:CertificateKeyFile");
    }

    [TestMethod]
    public void Listen_OffLoopbackWithAValidCertificate_Allowed()
    {
        using var temp = new TempFolder();
        var (cert, key) = WriteSelfSigned(temp);
        Assert.IsEmpty(Failures(new ListenOptionsValidator().Validate(null, new ListenOptions { Address = "0.0.0.0", CertificateFile = cert, CertificateKeyFile = key })));
    }

    [TestMethod]
    public void DistrictKey_UnknownSourceOrMissingFile_NameTheSettings()
    {
        var validator = new DistrictKeyOptionsValidator();
        Assert.IsEmpty(Failures(validator.Validate(null, new DistrictKeyOptions())));
        StringAssert.StartsWith(Failures(validator.Validate(null, new DistrictKeyOptions { PassphraseSource = "Registry" }))[0], "DistrictKey:PassphraseSource 应为");
        StringAssert.Contains(Failures(validator.Validate(null, new DistrictKeyOptions { PassphraseFile = "" }))[0], "DistrictKey:PassphraseFile");
        StringAssert.StartsWith(Failures(validator.Validate(null, new DistrictKeyOptions { KeyFile = " " }))[0], "DistrictKey:KeyFile 未设置");
        StringAssert.StartsWith(Failures(validator.Validate(null, new DistrictKeyOptions { PassphraseSource = "SystemdCredential", CredentialName = "a/b" }))[0], "DistrictKey:CredentialName");
    }

    /// <summary>A self-signed certificate for 127.0.0.1 as PEM files.</summary>
    internal static (string Certificate, string Key) WriteSelfSigned(TempFolder temp)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=区县主机测试", ecdsa, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(temp.File("cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(temp.File("key.pem"), ecdsa.ExportPkcs8PrivateKeyPem());
        return (temp.File("cert.pem"), temp.File("key.pem"));
    }
}

using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Terminal.Host.Configuration;

/// <summary>Checks the "Listen" section: a real IP address and port, and TLS whenever the address is not loopback.</summary>
public sealed class ListenOptionsValidator : IValidateOptions<ListenOptions>
{
    public ValidateOptionsResult Validate(string? name, ListenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!IPAddress.TryParse(options.Address, out var address))
        {
            problems.Add($"Listen:Address “{options.Address}” 不是 IP 地址（本机用 127.0.0.1，办公网用本机的网卡地址）");
        }
        if (options.Port is < 1 or > 65535)
        {
            problems.Add($"Listen:Port 应在 1 到 65535 之间（现为 {options.Port}）");
        }
        if (address is not null && !IPAddress.IsLoopback(address) && !options.UsesTls)
        {
            problems.Add($"Listen:Address 为 {options.Address}（不是本机回环地址）时必须启用 TLS：请设置 Listen:CertificateFile 和 Listen:CertificateKeyFile（PEM 证书与私钥）");
        }
        if (options.UsesTls)
        {
            if (string.IsNullOrWhiteSpace(options.CertificateKeyFile))
            {
                problems.Add("Listen:CertificateFile 已设置但 Listen:CertificateKeyFile（证书私钥）未设置");
            }
            else if (!File.Exists(options.CertificateFile) || !File.Exists(options.CertificateKeyFile))
            {
                problems.Add($"Listen:CertificateFile 或 Listen:CertificateKeyFile 指向的文件不存在（{options.CertificateFile}，{options.CertificateKeyFile}）");
            }
            else
            {
                try
                {
                    using var certificate = TlsCertificate.Load(options);
                    if (certificate.NotAfter < DateTime.Now)
                    {
                        problems.Add($"Listen:CertificateFile 的证书已于 {certificate.NotAfter:yyyy-MM-dd} 过期");
                    }
                }
                catch (CryptographicException)
                {
                    problems.Add("Listen:CertificateFile / Listen:CertificateKeyFile 无法作为 PEM 证书和私钥读取（或两者不配对）");
                }
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

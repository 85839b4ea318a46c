using Microsoft.Extensions.Options;

namespace Terminal.Host.Configuration;

/// <summary>Checks the "DistrictKey" section (whether the key opens is checked when the service starts).</summary>
public sealed class DistrictKeyOptionsValidator : IValidateOptions<DistrictKeyOptions>
{
    /// <summary>The passphrase sources, as written in the settings.</summary>
    public static readonly IReadOnlyList<string> Sources = ["File", "SystemdCredential", "Environment"];

    public ValidateOptionsResult Validate(string? name, DistrictKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.KeyFile))
        {
            problems.Add("DistrictKey:KeyFile 未设置：请填写区县密钥文件（相对路径在 District:DataFolder 下）");
        }
        switch (options.PassphraseSource)
        {
            case "File" when string.IsNullOrWhiteSpace(options.PassphraseFile):
                problems.Add("DistrictKey:PassphraseSource 为 File 时必须设置 DistrictKey:PassphraseFile");
                break;
            case "SystemdCredential" when string.IsNullOrWhiteSpace(options.CredentialName) || options.CredentialName.Contains('/', StringComparison.Ordinal):
                problems.Add("DistrictKey:CredentialName 应为 systemd 凭据名（不含 /），与单元文件 LoadCredential= 的名字一致");
                break;
            case "Environment" when string.IsNullOrWhiteSpace(options.PassphraseVariable):
                problems.Add("DistrictKey:PassphraseSource 为 Environment 时必须设置 DistrictKey:PassphraseVariable");
                break;
            case "File" or "SystemdCredential" or "Environment":
                break;
            default:
                problems.Add($"DistrictKey:PassphraseSource 应为 {string.Join("、", Sources)} 之一（现为 “{options.PassphraseSource}”）");
                break;
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

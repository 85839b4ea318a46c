using Microsoft.Extensions.Options;

namespace Terminal.Host.Configuration;

/// <summary>Checks the "Reports" section at start-up; each message names the setting and what to fix.</summary>
public sealed class ReportsOptionsValidator : IValidateOptions<ReportsOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.FontPath))
        {
            if (!Path.IsPathFullyQualified(options.FontPath))
            {
                problems.Add($"Reports:FontPath 必须是字体文件的绝对路径（现为 “{options.FontPath}”）");
            }
            else if (!File.Exists(options.FontPath))
            {
                problems.Add($"Reports:FontPath 指定的字体文件 “{options.FontPath}” 不存在：请检查路径，或安装文泉驿微米黑字体（fonts-wqy-microhei）后删去该设置");
            }
        }
        if (options.FontIndex is < 0 or > 63)
        {
            problems.Add($"Reports:FontIndex 应为 0 到 63 之间的字形集序号（.ttf 文件填 0），现为 {options.FontIndex}");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

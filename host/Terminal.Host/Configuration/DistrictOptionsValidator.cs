using Microsoft.Extensions.Options;
using Terminal.Records.Codes;

namespace Terminal.Host.Configuration;

/// <summary>Checks the "District" section; each message names the setting.</summary>
public sealed class DistrictOptionsValidator : IValidateOptions<DistrictOptions>
{
    public ValidateOptionsResult Validate(string? name, DistrictOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Code))
        {
            problems.Add("District:Code 未设置：请填写本区县的 6 位行政区划代码（GB/T 2260），例如 650105");
        }
        else if (options.Code.Length != 6 || !options.Code.All(char.IsAsciiDigit) || !AdministrativeDivisions.TryGetArea(options.Code, out _))
        {
            problems.Add($"District:Code “{options.Code}” 不是已知的 6 位区县代码（GB/T 2260）");
        }
        if (string.IsNullOrWhiteSpace(options.DataFolder) || !Path.IsPathFullyQualified(options.DataFolder))
        {
            problems.Add($"District:DataFolder 必须是绝对路径（现为 “{options.DataFolder}”）");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

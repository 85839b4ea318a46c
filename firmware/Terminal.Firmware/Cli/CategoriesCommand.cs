using System.CommandLine;
using Terminal.Records.Categories;
using Terminal.Records.Rules;

namespace Terminal.Firmware.Cli;

/// <summary>`categories check 1,7,9`: checks a selection of subject categories against the multi-select rules.</summary>
internal static class CategoriesCommand
{
    public static Command Build()
    {
        var list = new Argument<string>("LIST") { Description = "对象类别编号，用逗号分隔，例如 1,7,9" };
        var check = new Command("check", "核对对象类别的复选规则（(1)至(6)只能择其一，(7)须与(1)至(6)之一复选……）") { list };
        check.SetAction(parse => Check(parse.GetValue(list), parse.InvocationConfiguration.Output));
        return new Command("categories", "对象类别（十二类）") { check };
    }

    internal static int Check(string? text, TextWriter output)
    {
        if (!CategorySet.TryParse(text, out var set, out var error))
        {
            output.WriteLine($"无效：{error}");
            return TerminalCli.Invalid;
        }
        var issues = CategoryCombinationRule.Check(set);
        if (issues.Count > 0)
        {
            foreach (var issue in issues)
            {
                output.WriteLine($"不允许：{issue.Message}");
            }
            return TerminalCli.Invalid;
        }
        output.WriteLine($"允许：{string.Join("、", set.Members().Select(CategoryNames.Label))}");
        return TerminalCli.Valid;
    }
}

using System.CommandLine;
using System.Globalization;
using Terminal.Records.Identity;

namespace Terminal.Firmware.Cli;

/// <summary>`idnumber check NUMBER [--on DATE]`: checks a citizen ID number by GB 11643.</summary>
internal static class IdNumberCommand
{
    public static Command Build()
    {
        var number = new Argument<string>("NUMBER") { Description = "18位（或15位旧）公民身份号码" };
        var on = new Option<string?>("--on") { Description = "按哪一天核对（出生日期不得晚于该日），格式 2018-11-01；默认今天" };
        var check = new Command("check", "核对身份证号码：校验码、出生日期、性别、地址码") { number, on };
        check.SetAction(parse => Check(parse.GetValue(number), parse.GetValue(on), parse.InvocationConfiguration.Output));
        return new Command("idnumber", "公民身份号码（GB 11643）") { check };
    }

    internal static int Check(string? text, string? on, TextWriter output)
    {
        var asOf = DateOnly.FromDateTime(DateTime.Now);
        if (on is not null && !DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            output.WriteLine($"--on 的日期“{on}”无法识别：请写成 2018-11-01 这样的格式");
            return TerminalCli.Invalid;
        }
        if (!IdNumber.TryParse(text, asOf, out var id, out var error))
        {
            output.WriteLine($"无效：{error.Message}");
            return TerminalCli.Invalid;
        }
        output.WriteLine($"有效：{id.Value}");
        if (id.Legacy15 is not null)
        {
            output.WriteLine($"15位旧号码 {id.Legacy15} 已升级为18位");
        }
        output.WriteLine($"出生日期：{id.BirthDate.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}");
        output.WriteLine($"性别：{(id.Sex == Sex.Male ? "男" : "女")}");
        output.WriteLine($"地区：{id.AreaName}（{id.AreaCode}）");
        if (!id.AreaIsKnown)
        {
            output.WriteLine($"注意：地址码{id.AreaCode}不在行政区划代码表中（可能是已撤销的旧代码），请与身份证原件核对");
        }
        return TerminalCli.Valid;
    }
}

using CsCheck;
using Terminal.Firmware.Cli;

namespace Terminal.Firmware.Tests.Cli;

[TestClass]
public sealed class CategoriesCommandTests
{
    [TestMethod]
    public async Task Check_Allowed_NamesTheCategoriesAndExitsZero()
    {
        var run = await CliRun.InProcessAsync("categories", "check", "1,7,9");
        Assert.AreEqual(TerminalCli.Valid, run.ExitCode);
        Assert.AreEqual("允许：（1）军队转业干部、（7）残疾军人、（9）烈士遗属", run.Output.Trim());
    }

    [TestMethod]
    [DataRow("7", "（7）残疾军人不可单独选择")]
    [DataRow("1,2", "（1）至（6）只能选择其一")]
    [DataRow("2,7,8", "（7）残疾军人和（8）伤残民兵民工只能选择其一")]
    [DataRow("1,8", "（8）伤残民兵民工不可与（1）至（6）同时选择")]
    public async Task Check_Refused_PrintsTheBrokenRuleAndExitsOne(string list, string rule)
    {
        var run = await CliRun.InProcessAsync("categories", "check", list);
        Assert.AreEqual(TerminalCli.Invalid, run.ExitCode);
        StringAssert.StartsWith(run.Output, "不允许：对象类别：");
        StringAssert.Contains(run.Output, rule);
    }

    [TestMethod]
    [DataRow("13", "编号应为1至12")]
    [DataRow("a,b", "不是对象类别编号")]
    [DataRow("", "至少")]
    public async Task Check_Malformed_ExitsOneSayingWhatToWrite(string list, string reason)
    {
        var run = await CliRun.InProcessAsync("categories", "check", list);
        Assert.AreEqual(TerminalCli.Invalid, run.ExitCode);
        StringAssert.StartsWith(run.Output, "无效：");
        StringAssert.Contains(run.Output, reason);
    }

    [TestMethod]
    public void Check_AnyInput_ExitsZeroOrOneAndPrints() =>
        Gen.String.Sample(s =>
        {
            using var output = new StringWriter();
            var code = CategoriesCommand.Check(s, output);
            return code is TerminalCli.Valid or TerminalCli.Invalid && output.ToString().Length > 0;
        }, iter: 5_000);
}

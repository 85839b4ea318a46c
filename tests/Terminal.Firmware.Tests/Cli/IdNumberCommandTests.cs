using CsCheck;
using Terminal.Firmware.Cli;

namespace Terminal.Firmware.Tests.Cli;

[TestClass]
public sealed class IdNumberCommandTests
{
    [TestMethod]
    public async Task Check_ValidNumber_PrintsBirthSexAreaAndExitsZero()
    {
        var run = await CliRun.InProcessAsync("idnumber", "check", "650105198001010011", "--on", "2018-11-05");
        Assert.AreEqual(TerminalCli.Valid, run.ExitCode, run.Output + run.Error);
        StringAssert.Contains(run.Output, "有效：650105198001010011");
        StringAssert.Contains(run.Output, "出生日期：1980年1月1日");
        StringAssert.Contains(run.Output, "性别：男");
        StringAssert.Contains(run.Output, "地区：新疆维吾尔自治区乌鲁木齐市水磨沟区（650105）");
    }

    [TestMethod]
    public async Task Check_FifteenDigits_SaysItWasUpgraded()
    {
        var run = await CliRun.InProcessAsync("idnumber", "check", "370802940221002");
        Assert.AreEqual(TerminalCli.Valid, run.ExitCode);
        StringAssert.Contains(run.Output, "有效：370802199402210029");
        StringAssert.Contains(run.Output, "已升级为18位");
        StringAssert.Contains(run.Output, "性别：女");
    }

    [TestMethod]
    public async Task Check_AbolishedArea_IsValidWithANote()
    {
        var run = await CliRun.InProcessAsync("idnumber", "check", "11010319500101001X", "--on", "2018-11-05");
        Assert.AreEqual(TerminalCli.Valid, run.ExitCode, run.Output);
        StringAssert.Contains(run.Output, "崇文区");
    }

    [TestMethod]
    [DataRow("650105198001010012", "校验码应为1")]
    [DataRow("65010519800101001", "应为18位")]
    [DataRow("", "请填写18位")]
    [DataRow("abc", "应为18位")]
    [DataRow("😀😀😀😀😀😀😀😀😀", "现在是9位")]
    [DataRow("😀12345678901234567", "第1位“😀”不是数字")]
    [DataRow("99010519800101001X", "不是省级行政区划代码")]
    public async Task Check_Invalid_PrintsTheChineseReasonAndExitsOne(string number, string reason)
    {
        var run = await CliRun.InProcessAsync("idnumber", "check", number);
        Assert.AreEqual(TerminalCli.Invalid, run.ExitCode);
        StringAssert.StartsWith(run.Output, "无效：身份证号码：");
        StringAssert.Contains(run.Output, reason);
    }

    [TestMethod]
    public async Task Check_BadOnDate_ExitsOneSayingTheFormat()
    {
        var run = await CliRun.InProcessAsync("idnumber", "check", "650105198001010011", "--on", "2018/11/05");
        Assert.AreEqual(TerminalCli.Invalid, run.ExitCode);
        StringAssert.Contains(run.Output, "2018-11-01 这样的格式");
    }

    [TestMethod]
    public async Task Check_MissingNumber_IsAUsageError()
    {
        var run = await CliRun.InProcessAsync("idnumber", "check");
        Assert.AreEqual(TerminalCli.Usage, run.ExitCode);
        StringAssert.Contains(run.Error, "terminal --help");
    }

    [TestMethod]
    public void Check_AnyInput_ExitsZeroOrOneAndPrints() =>
        Gen.String.Sample(s =>
        {
            using var output = new StringWriter();
            var code = IdNumberCommand.Check(s, null, output);
            return code is TerminalCli.Valid or TerminalCli.Invalid && output.ToString().Length > 0;
        }, iter: 5_000);
}

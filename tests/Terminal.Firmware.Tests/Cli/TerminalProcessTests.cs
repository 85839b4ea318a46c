using Terminal.Firmware.Cli;
using Terminal.Firmware.Tests.Web;

namespace Terminal.Firmware.Tests.Cli;

/// <summary>The built program as a script would call it: exit codes and UTF-8 Chinese output from Main.</summary>
[TestClass]
public sealed class TerminalProcessTests
{
    private static Task<(int Code, string Output)> RunAsync(params string[] args) => TerminalProgram.Native.RunAsync(args);

    [TestMethod]
    public async Task IdNumberCheck_FromTheShell_ExitCodesAndUtf8()
    {
        var valid = await RunAsync("idnumber", "check", "11010519491231002X");
        Assert.AreEqual(TerminalCli.Valid, valid.Code, valid.Output);
        StringAssert.Contains(valid.Output, "北京市朝阳区");
        var invalid = await RunAsync("idnumber", "check", "110105194912310021");
        Assert.AreEqual(TerminalCli.Invalid, invalid.Code, invalid.Output);
        StringAssert.Contains(invalid.Output, "校验码应为X");
    }

    [TestMethod]
    public async Task CategoriesCheck_FromTheShell_ExitCodes()
    {
        Assert.AreEqual(TerminalCli.Valid, (await RunAsync("categories", "check", "2,7,12")).Code);
        Assert.AreEqual(TerminalCli.Invalid, (await RunAsync("categories", "check", "8,2")).Code);
        Assert.AreEqual(TerminalCli.Usage, (await RunAsync("categories", "verify", "1")).Code);
    }
}

using System.CommandLine;
using Terminal.Firmware.Maintenance;

namespace Terminal.Firmware.Cli;

/// <summary>`selftest`: each device answers, the store opens, the clock is sane, the network guard is on. Exit 0 when all pass.</summary>
internal static class SelfTestCommand
{
    public static Command Build()
    {
        var device = new AppOptionsArguments();
        var command = new Command("selftest", "自检：读卡器、签字板、摄像头应答，存储可打开，时钟正常，网络防护开启（请先停止终端界面）");
        device.AddTo(command);
        command.SetAction(async (parse, token) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var checks = await SelfTest.RunAsync(device.Read(parse), TimeProvider.System, token).ConfigureAwait(false);
            foreach (var check in checks)
            {
                await output.WriteLineAsync(check.ToString()).ConfigureAwait(false);
            }
            var failed = checks.Count(c => !c.Passed);
            await output.WriteLineAsync(failed == 0 ? $"自检通过：{checks.Count} 项全部正常。" : $"自检未通过：{failed} 项有问题，请按上面的提示处理。").ConfigureAwait(false);
            return failed == 0 ? TerminalCli.Valid : TerminalCli.Invalid;
        });
        return command;
    }
}

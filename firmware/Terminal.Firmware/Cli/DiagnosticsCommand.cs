using System.CommandLine;
using Terminal.Firmware.Maintenance;

namespace Terminal.Firmware.Cli;

/// <summary>`diagnostics`: writes the support bundle (.zip, no personal data) for the technician.</summary>
internal static class DiagnosticsCommand
{
    public static Command Build()
    {
        var device = new AppOptionsArguments();
        var output = new Option<string>("--output") { Description = "支持包文件（.zip），不能已存在", Required = true };
        var logs = new Option<string?>("--logs") { Description = "日志目录（其中的 *.log 会去除证件号码、电话号码后放入支持包）" };
        var command = new Command("diagnostics", "生成支持包（不含个人信息）：版本、设置、数量、自检结果、去除个人信息后的日志") { output, logs };
        device.AddTo(command);
        command.SetAction(async (parse, token) =>
        {
            var console = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(output)!;
            if (File.Exists(path))
            {
                await console.WriteLineAsync($"无效：{path} 已存在，请换一个文件名。").ConfigureAwait(false);
                return TerminalCli.Invalid;
            }
            var options = device.Read(parse);
            var checks = await SelfTest.RunAsync(options, TimeProvider.System, token).ConfigureAwait(false);
            try
            {
                await SupportBundle.WriteAsync(path, options, checks, parse.GetValue(logs), TimeProvider.System).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await console.WriteLineAsync($"无效：无法写入支持包 {path}：{e.Message}").ConfigureAwait(false);
                return TerminalCli.Invalid;
            }
            await console.WriteLineAsync($"支持包已生成：{path}（不含姓名、证件号码等个人信息）。").ConfigureAwait(false);
            return TerminalCli.Valid;
        });
        return command;
    }
}

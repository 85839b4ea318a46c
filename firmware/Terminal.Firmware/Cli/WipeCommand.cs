using System.CommandLine;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Cli;

/// <summary>
/// `wipe`: erases the terminal's keys and store (decommissioning, or a terminal to be provisioned again), audited
/// first. Asks for confirmation (type 确认清除) unless --yes; says how many unsent records would be lost.
/// </summary>
internal static class WipeCommand
{
    public const string Confirmation = "确认清除";

    public static Command Build()
    {
        var store = new Option<string>("--store") { Description = "终端存储目录", Required = true };
        var yes = new Option<bool>("--yes") { Description = "不再询问，直接清除" };
        var command = new Command("wipe", "清除本终端的密钥和全部数据（先记入审计；不可恢复）") { store, yes };
        command.SetAction(async (parse, token) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var options = new TerminalStoreOptions { Folder = parse.GetValue(store)! };
            StoreCounts counts;
            try
            {
                using var opened = TerminalStore.Open(options);
                counts = opened.Counts();
            }
            catch (StoreException e)
            {
                await output.WriteLineAsync("无效：" + e.Message).ConfigureAwait(false);
                return TerminalCli.Invalid;
            }
            await output.WriteLineAsync($"将清除 {options.Folder} 中的密钥和全部数据：草稿 {counts.Drafts} 条，初始数据 {counts.InitialData} 人，待对接上传 {counts.Outbox} 条。").ConfigureAwait(false);
            if (counts.Outbox > 0)
            {
                await output.WriteLineAsync($"警告：还有 {counts.Outbox} 条已定稿的记录没有上传到区采集中心，清除后将无法找回。请先对接上传。").ConfigureAwait(false);
            }
            if (!parse.GetValue(yes))
            {
                await output.WriteLineAsync($"确定清除请输入“{Confirmation}”后回车，输入其他内容则取消：").ConfigureAwait(false);
                var answer = await Console.In.ReadLineAsync(token).ConfigureAwait(false);
                if (answer?.Trim() != Confirmation)
                {
                    await output.WriteLineAsync("已取消，没有清除任何数据。").ConfigureAwait(false);
                    return TerminalCli.Invalid;
                }
            }
            try
            {
                TerminalStore.Erase(options);
            }
            catch (Exception e) when (e is StoreException or IOException or UnauthorizedAccessException)
            {
                await output.WriteLineAsync("清除失败：" + e.Message).ConfigureAwait(false);
                return TerminalCli.Invalid;
            }
            await output.WriteLineAsync("已清除：清除操作先记入了审计，随后密钥和数据文件已覆盖并删除。加密分区的密钥请按 hardware-docs/storage/LUKS.md 销毁。").ConfigureAwait(false);
            return TerminalCli.Valid;
        });
        return command;
    }
}

using System.CommandLine;
using Terminal.Dock.Session;
using Terminal.Host.Service;
using Terminal.Host.Storage.Model;
using Terminal.Records.Codes;

namespace Terminal.Host.Cli;

/// <summary>
/// `terminal add`: registers a terminal the technician provisioned (its id, collection point and the signing public
/// key `terminal provision` printed), so that the host docks it; a terminal not registered is refused at the dock.
/// </summary>
internal static class TerminalCommand
{
    public static Command Build()
    {
        var id = new Option<string>("--id") { Description = "终端编号，例如 T650105-04", Required = true };
        var point = new Option<string>("--point") { Description = "终端所属采集点代码，例如 650105-04", Required = true };
        var key = new Option<string>("--key") { Description = "终端签名公钥（TERM:…，terminal provision 显示）", Required = true };
        var settings = HostSettings.Option();
        var add = new Command("add", "登记一台已配置的终端（再次登记则更新其采集点和公钥）") { id, point, key, settings };
        add.SetAction((parse, token) => UserCommand.GuardedAsync(parse, async () =>
        {
            var loaded = HostSettings.Load(parse.GetValue(settings));
            var code = parse.GetValue(point)!;
            var collectionPoint = CollectionPoints.Of(loaded.District.Code).FirstOrDefault(p => p.Code == code)
                ?? throw new HostStartupException($"采集点“{code}”不在本区（{loaded.District.Code}）的采集点表中：请核对代码。");
            var publicKey = ParseTerminalKey(parse.GetValue(key)!);
            var terminalId = parse.GetValue(id)!.Trim();
            if (terminalId.Length is 0 or > 32)
            {
                throw new HostStartupException("终端编号不能为空，也不能超过32个字符。");
            }
            var store = await loaded.OpenStoreAsync(token).ConfigureAwait(false);
            await DistrictStartup.SeedCollectionPointsAsync(store, loaded.District.Code, token).ConfigureAwait(false);
            var now = DateTimeOffset.UtcNow;
            await store.RegisterTerminalAsync(new TerminalRegistration(terminalId, code, publicKey, now), token).ConfigureAwait(false);
            await store.AppendAuditAsync(new OfficeAuditEntry(now, UserCommand.CommandLineActor, "登记终端", "terminal:" + terminalId, $"采集点 {code}"), token).ConfigureAwait(false);
            parse.InvocationConfiguration.Output.WriteLine($"已登记终端 {terminalId}：采集点 {collectionPoint.Name}（{code}）。对接时主机只接受该公钥签名的终端。");
        }));
        return new Command("terminal", "终端登记") { add };
    }

    /// <summary>The key `terminal provision` printed ("TERM:" and the SubjectPublicKeyInfo in base64), checked to be a P-256 key.</summary>
    private static byte[] ParseTerminalKey(string text) =>
        DockKeys.TryParseTerminalKey(text, out var key)
            ? key
            : throw new HostStartupException("终端签名公钥无效：应为 TERM: 加 base64，照 terminal provision 显示的整行复制。");
}

using System.CommandLine;
using Terminal.Dock.Session;
using Terminal.Firmware.Provisioning;
using Terminal.Records.Codes;
using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Cli;

/// <summary>
/// `provision`: the technician sets up a new terminal (hardware-docs/provisioning.md): its id, the district's public
/// key that finalized records are sealed to, the collection point, the first operator and PIN, and the area's
/// roster from a CSV file. Prints the recovery key once (or writes it to a file readable only by its owner).
/// </summary>
internal static class ProvisionCommand
{
    public static Command Build()
    {
        var store = new Option<string>("--store") { Description = "终端存储目录（加密数据分区上）", Required = true };
        var terminal = new Option<string>("--terminal-id") { Description = "终端编号，例如 T650105-04", Required = true };
        var district = new Option<string>("--district-key") { Description = "区县公钥（P256:… 或 SM2:…，由区县主机生成）", Required = true };
        var point = new Option<string>("--point") { Description = "采集点代码，例如 650105-04", Required = true };
        var operatorId = new Option<string>("--operator") { Description = "第一个操作员的工号", Required = true };
        var pin = new Option<string>("--pin") { Description = "该操作员的 PIN（6至12位数字）", Required = true };
        var roster = new Option<string?>("--roster") { Description = "初始数据（CSV，UTF-8；列见 hardware-docs/provisioning.md）" };
        var recoveryFile = new Option<string?>("--recovery-key-file") { Description = "把恢复密钥写入此文件（仅本人可读），不在屏幕上显示" };
        var hostKey = new Option<string?>("--host-key") { Description = "区县主机的对接身份（DOCK:…，由 terminal-host key check 显示）；不给则本终端不能对接" };
        var provision = new Command("provision", "初始化新终端：密钥、采集点、操作员、初始数据") { store, terminal, district, point, operatorId, pin, roster, recoveryFile, hostKey };
        provision.SetAction(async (parse, token) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var problems = new List<string>();
            DistrictPublicKey? key = null;
            try
            {
                key = DistrictPublicKey.Parse(parse.GetValue(district)!);
            }
            catch (FormatException e)
            {
                problems.Add(e.Message);
            }
            byte[]? hostPoint = null;
            if (parse.GetValue(hostKey) is { } hostText && !DockKeys.TryParseHostIdentity(hostText, out hostPoint))
            {
                problems.Add("区县主机对接身份无效：应为 DOCK: 加 base64 的 P-256 公钥点（在区县主机上运行 terminal-host key check 查看）。");
            }
            var code = parse.GetValue(point)!;
            var collectionPoint = code.Length >= 6 ? CollectionPoints.Of(code[..6]).FirstOrDefault(p => p.Code == code) : null;
            if (collectionPoint is null)
            {
                problems.Add($"采集点“{code}”不在本区的采集点表中：请核对代码（例如 650105-04）。");
            }
            if (OperatorPin.Problem(parse.GetValue(pin)) is { } pinProblem)
            {
                problems.Add(pinProblem);
            }
            IReadOnlyList<InitialDataEntry> entries = [];
            if (parse.GetValue(roster) is { } rosterPath)
            {
                if (!File.Exists(rosterPath))
                {
                    problems.Add($"找不到初始数据文件 {rosterPath}。");
                }
                else
                {
                    var (read, bad) = RosterFile.Read(rosterPath, DateOnly.FromDateTime(DateTime.Today));
                    entries = read;
                    problems.AddRange(bad.Select(b => "初始数据" + b));
                }
            }
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await output.WriteLineAsync("无效：" + problem).ConfigureAwait(false);
                }
                await output.WriteLineAsync("终端未初始化：改正以上问题后重新运行。").ConfigureAwait(false);
                return TerminalCli.Invalid;
            }
            using var recovery = RecoveryKey.Generate();
            string signingKey;
            try
            {
                using var provisioned = TerminalStore.Provision(new TerminalStoreOptions { Folder = parse.GetValue(store)! },
                    new TerminalProvisioning(parse.GetValue(terminal)!, key!, recovery, parse.GetValue(operatorId)!, parse.GetValue(pin)!, hostPoint));
                if (entries.Count > 0)
                {
                    provisioned.LoadInitialData(entries);
                }
                signingKey = DockKeys.TerminalKeyText(provisioned.SigningPublicKey.Span);
            }
            catch (StoreException e)
            {
                await output.WriteLineAsync("无效：" + e.Message).ConfigureAwait(false);
                return TerminalCli.Invalid;
            }
            await output.WriteLineAsync($"终端 {parse.GetValue(terminal)} 已初始化：采集点 {collectionPoint!.Name}（{code}），操作员 {parse.GetValue(operatorId)}，初始数据 {entries.Count} 人。").ConfigureAwait(false);
            await output.WriteLineAsync("终端签名公钥（在区县主机登记本终端：terminal-host terminal add）：" + signingKey).ConfigureAwait(false);
            if (hostPoint is null)
            {
                await output.WriteLineAsync("注意：未给出区县主机对接身份（--host-key），本终端不能对接，须重新初始化。").ConfigureAwait(false);
            }
            if (parse.GetValue(recoveryFile) is { } file)
            {
                // created readable by its owner only, then written
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                await using (var stream = new FileStream(file, create))
                await using (var writer = new StreamWriter(stream))
                {
                    await writer.WriteLineAsync(recovery.ToDisplayText()).ConfigureAwait(false);
                }
                await output.WriteLineAsync($"恢复密钥已写入 {file}：交区退役军人事务局保管，然后从本机删除。").ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync("恢复密钥（只显示这一次，请抄写后交区退役军人事务局保管）：" + recovery.ToDisplayText()).ConfigureAwait(false);
            }
            return TerminalCli.Valid;
        });
        return provision;
    }
}

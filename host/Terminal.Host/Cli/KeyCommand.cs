using System.CommandLine;
using System.Diagnostics;
using Terminal.Host.Dock;
using Terminal.Host.Keys;
using Terminal.Storage.Sealing;

namespace Terminal.Host.Cli;

/// <summary>
/// `key generate | show-public | check | backup | restore`: the district key pair, set up once per district. No
/// command overwrites a file, and every file written is read back and opened before the command reports success.
/// </summary>
internal static class KeyCommand
{
    public static Command Build()
    {
        var key = new Command("key", "区县密钥：生成、查看公钥、检查、备份、恢复");
        key.Subcommands.Add(Generate());
        key.Subcommands.Add(ShowPublic());
        key.Subcommands.Add(Check());
        key.Subcommands.Add(Backup());
        key.Subcommands.Add(Restore());
        return key;
    }

    private static Option<string> PassphraseFile() => new("--passphrase-file") { Description = $"从文件读取口令（脚本用；也可用环境变量 {PassphraseInput.Variable}），否则在终端输入" };

    private static Option<string> Dpapi() => new("--dpapi")
    {
        Description = "Windows 上另加 DPAPI 保护：machine（本机，默认）、user（当前账户）或 none；其他系统只能 none",
        DefaultValueFactory = _ => OperatingSystem.IsWindows() ? "machine" : "none",
    };

    private static Command Generate()
    {
        var suite = new Option<string>("--suite") { Description = "算法：P256 或 SM2（国密，按 GB/T 39786 测评的单位）", Required = true };
        suite.AcceptOnlyFromAmong("P256", "SM2");
        var output = new Option<string>("--out") { Description = "要写入的密钥文件（不会覆盖已有文件）", Required = true };
        var memory = new Option<int>("--kdf-memory-mib") { Description = "口令派生（Argon2id）内存，MiB", DefaultValueFactory = _ => KeyDerivation.Default.MemoryKiB / 1024 };
        var passes = new Option<int>("--kdf-passes") { Description = "口令派生（Argon2id）轮数", DefaultValueFactory = _ => KeyDerivation.Default.Iterations };
        var passphrase = PassphraseFile();
        var dpapi = Dpapi();
        var command = new Command("generate", "生成区县密钥对（每个区县一次），输出交给技术人员的公钥") { suite, output, memory, passes, passphrase, dpapi };
        command.SetAction(parse => Guarded(parse, () =>
        {
            var derivation = new KeyDerivation(parse.GetValue(memory) * 1024, parse.GetValue(passes), 1);
            if (derivation.ProblemForNewKey() is { } problem)
            {
                throw new KeyFileException(KeyFileFailure.BadRequest, problem);
            }
            var protection = ProtectionOf(parse.GetValue(dpapi)!);
            var path = Path.GetFullPath(parse.GetValue(output)!);
            if (File.Exists(path))
            {
                throw new KeyFileException(KeyFileFailure.AlreadyExists, $"文件已存在：{path}。为防止误删区县密钥，不会覆盖任何文件");
            }
            var text = new PassphraseInput(parse.GetValue(passphrase), parse.InvocationConfiguration.Output).ReadNew();
            using var pair = DistrictKeyPair.Generate(parse.GetValue(suite) == "SM2" ? DistrictSuite.Sm2 : DistrictSuite.P256);
            var file = DistrictKeyFile.WithProtection(DistrictKeyFile.Create(pair, text, derivation), protection);
            KeyFiles.WriteNew(path, file);
            var opened = OpenAndCompare(path, text, pair.PublicKey);
            var o = parse.InvocationConfiguration.Output;
            o.WriteLine($"区县密钥已生成：{path}");
            o.WriteLine($"保护方式：{Describe(protection, derivation)}；读回验证通过（打开用时 {opened.TotalSeconds:0.00} 秒）");
            o.WriteLine("区县公钥（交给技术人员，配置终端时用；公钥可以公开）：");
            o.WriteLine(pair.PublicKey.ToString());
            WriteDockIdentity(o, pair);
            o.WriteLine($"请立即备份并存入保险柜：terminal-host key backup --key \"{path}\" --out <备份文件>");
        }));
        return command;
    }

    /// <summary>The host's dock identity, derived from the district key (HostDockIdentity), for `terminal provision --host-key`.</summary>
    private static void WriteDockIdentity(TextWriter o, DistrictKeyPair pair)
    {
        using var dock = HostDockIdentity.Derive(pair);
        o.WriteLine("区县主机对接身份（配置终端时用 --host-key）：");
        o.WriteLine(HostDockIdentity.PublicText(dock));
    }

    private static Command ShowPublic()
    {
        var key = new Option<string>("--key") { Description = "区县密钥文件或其备份", Required = true };
        var command = new Command("show-public", "显示区县公钥（不需要口令）") { key };
        command.SetAction(parse => Guarded(parse, () =>
        {
            var info = DistrictKeyFile.Inspect(KeyFiles.Read(parse.GetValue(key)!));
            parse.InvocationConfiguration.Output.WriteLine(info.PublicKey.ToString());
        }));
        return command;
    }

    private static Command Check()
    {
        var key = new Option<string>("--key") { Description = "区县密钥文件或其备份", Required = true };
        var passphrase = PassphraseFile();
        var command = new Command("check", "用口令打开区县密钥文件，确认它可用") { key, passphrase };
        command.SetAction(parse => Guarded(parse, () =>
        {
            var path = parse.GetValue(key)!;
            var info = DistrictKeyFile.Inspect(KeyFiles.Read(path));
            var text = new PassphraseInput(parse.GetValue(passphrase), parse.InvocationConfiguration.Output).ReadExisting();
            var opened = OpenAndCompare(path, text, info.PublicKey);
            var o = parse.InvocationConfiguration.Output;
            o.WriteLine($"可用：口令正确，私钥与公钥配对（{Describe(info.Protection, info.Derivation)}；打开用时 {opened.TotalSeconds:0.00} 秒）");
            o.WriteLine(info.PublicKey.ToString());
            using var pair = DistrictKeyFile.Open(KeyFiles.Read(path), text);
            WriteDockIdentity(o, pair);
        }));
        return command;
    }

    private static Command Backup()
    {
        var key = new Option<string>("--key") { Description = "服务使用的区县密钥文件", Required = true };
        var output = new Option<string>("--out") { Description = "备份文件（U 盘等，存入保险柜；不会覆盖已有文件）", Required = true };
        var passphrase = PassphraseFile();
        var command = new Command("backup", "写一份只用口令保护（不含 DPAPI）的备份，并验证它能打开") { key, output, passphrase };
        command.SetAction(parse => Guarded(parse, () =>
        {
            var bytes = KeyFiles.Read(parse.GetValue(key)!);
            var info = DistrictKeyFile.Inspect(bytes);
            var text = new PassphraseInput(parse.GetValue(passphrase), parse.InvocationConfiguration.Output).ReadExisting();
            using (DistrictKeyFile.Open(bytes, text))
            {
                // the original opens with this passphrase: the backup will too
            }
            var path = Path.GetFullPath(parse.GetValue(output)!);
            KeyFiles.WriteNew(path, DistrictKeyFile.WithProtection(bytes, KeyProtection.Passphrase));
            OpenAndCompare(path, text, info.PublicKey);
            var o = parse.InvocationConfiguration.Output;
            o.WriteLine($"备份已写入并验证：{path}（只用口令保护，可在任何电脑上恢复）");
            o.WriteLine("备份与口令请分开保管：备份进保险柜，口令由另一人密封保管。");
            o.WriteLine(info.PublicKey.ToString());
        }));
        return command;
    }

    private static Command Restore()
    {
        var backup = new Option<string>("--backup") { Description = "保险柜中的备份文件", Required = true };
        var output = new Option<string>("--out") { Description = "恢复出的区县密钥文件（服务所设的 DistrictKey:KeyFile；不会覆盖已有文件）", Required = true };
        var passphrase = PassphraseFile();
        var dpapi = Dpapi();
        var command = new Command("restore", "从备份恢复区县密钥文件（在 Windows 上重新加 DPAPI 保护）") { backup, output, passphrase, dpapi };
        command.SetAction(parse => Guarded(parse, () =>
        {
            var bytes = KeyFiles.Read(parse.GetValue(backup)!);
            var info = DistrictKeyFile.Inspect(bytes);
            var protection = ProtectionOf(parse.GetValue(dpapi)!);
            var text = new PassphraseInput(parse.GetValue(passphrase), parse.InvocationConfiguration.Output).ReadExisting();
            using (DistrictKeyFile.Open(bytes, text))
            {
                // the backup opens: restoring it cannot produce a key file nobody can open
            }
            var path = Path.GetFullPath(parse.GetValue(output)!);
            KeyFiles.WriteNew(path, DistrictKeyFile.WithProtection(bytes, protection));
            OpenAndCompare(path, text, info.PublicKey);
            var o = parse.InvocationConfiguration.Output;
            o.WriteLine($"已从备份恢复并验证：{path}（{Describe(protection, info.Derivation)}）");
            o.WriteLine(info.PublicKey.ToString());
        }));
        return command;
    }

    /// <summary>Reads <paramref name="path"/> back and opens it; throws unless its key pair is <paramref name="expected"/>'s.</summary>
    private static TimeSpan OpenAndCompare(string path, string passphrase, DistrictPublicKey expected)
    {
        var clock = Stopwatch.StartNew();
        using var pair = DistrictKeyFile.Open(KeyFiles.Read(path), passphrase);
        var elapsed = clock.Elapsed;
        return pair.PublicKey.Equals(expected)
            ? elapsed
            : throw new KeyFileException(KeyFileFailure.Damaged, $"读回的 {path} 与原密钥的公钥不同：文件写入有误，请勿使用");
    }

    private static KeyProtection ProtectionOf(string dpapi) => dpapi switch
    {
        "none" => KeyProtection.Passphrase,
        "user" => KeyProtection.PassphraseAndDpapiUser,
        "machine" => KeyProtection.PassphraseAndDpapiMachine,
        _ => throw new KeyFileException(KeyFileFailure.BadRequest, $"--dpapi 应为 machine、user 或 none（现为 “{dpapi}”）"),
    };

    private static string Describe(KeyProtection protection, KeyDerivation derivation)
    {
        var passphrase = $"口令（Argon2id {derivation.MemoryKiB / 1024} MiB、{derivation.Iterations} 轮）+ AES-256-GCM";
        return protection switch
        {
            KeyProtection.PassphraseAndDpapiUser => passphrase + " + Windows DPAPI（当前账户）",
            KeyProtection.PassphraseAndDpapiMachine => passphrase + " + Windows DPAPI（本机）",
            _ => passphrase,
        };
    }

    /// <summary>Runs a key command: a <see cref="KeyFileException"/> is printed and exits <see cref="HostCli.Refused"/>.</summary>
    private static int Guarded(ParseResult parse, Action body)
    {
        try
        {
            body();
            return HostCli.Done;
        }
        catch (KeyFileException e)
        {
            parse.InvocationConfiguration.Error.WriteLine("失败：" + e.Message);
            return HostCli.Refused;
        }
    }
}

using System.CommandLine;
using Terminal.Host.Accounts;
using Terminal.Host.Keys;
using Terminal.Host.Service;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;

namespace Terminal.Host.Cli;

/// <summary>
/// `user add | passwd | disable | enable | list`: the office staff accounts of the dashboard, in the district
/// database the service uses. Every change is written to the office audit as done by "命令行".
/// </summary>
internal static class UserCommand
{
    /// <summary>The environment variable scripts may give the password in.</summary>
    public const string PasswordVariable = "TERMINAL_HOST_USER_PASSWORD";

    /// <summary>Who the office audit names for changes made on the command line.</summary>
    public const string CommandLineActor = "命令行";

    public static Command Build()
    {
        var user = new Command("user", "工作台账户：添加、改密码、停用、启用、列出");
        user.Subcommands.Add(Add());
        user.Subcommands.Add(Passwd());
        user.Subcommands.Add(SetDisabled("disable", true, "停用账户（不删除，审计记录仍指向它）"));
        user.Subcommands.Add(SetDisabled("enable", false, "重新启用账户"));
        user.Subcommands.Add(List());
        return user;
    }

    private static Option<string> UserName() => new("--user") { Description = "用户名（字母、数字、点、横线、下划线，最多 32 个字符）", Required = true };

    private static Option<string?> PasswordFile() => new("--password-file") { Description = $"从文件读取密码（脚本用；也可用环境变量 {PasswordVariable}），否则在终端输入两次" };

    private static Command Add()
    {
        var name = UserName();
        var display = new Option<string>("--display-name") { Description = "姓名（页面上显示）", Required = true };
        var role = new Option<string>("--role") { Description = "角色：管理员（administrator）、审核员（reviewer）或查看员（viewer）", Required = true };
        var password = PasswordFile();
        var settings = HostSettings.Option();
        var command = new Command("add", "添加工作台账户") { name, display, role, password, settings };
        command.SetAction((parse, token) => GuardedAsync(parse, async () =>
        {
            var userName = parse.GetValue(name)!;
            CheckUserName(userName);
            if (!StaffRoles.TryParse(parse.GetValue(role)!, out var staffRole))
            {
                throw new KeyFileException(KeyFileFailure.BadRequest, $"角色“{parse.GetValue(role)}”不对：应为 管理员、审核员 或 查看员");
            }
            var displayName = parse.GetValue(display)!.Trim();
            if (displayName.Length is 0 or > 40)
            {
                throw new KeyFileException(KeyFileFailure.BadRequest, "姓名应为 1 到 40 个字符");
            }
            var store = await HostSettings.Load(parse.GetValue(settings)).OpenStoreAsync(token).ConfigureAwait(false);
            var secret = NewPassword(parse, password, userName);
            var now = DateTimeOffset.UtcNow;
            if (!await store.AddAccountAsync(new StaffAccount(userName, displayName, staffRole, StaffPasswords.Hash(secret), false, 0, null), now, token).ConfigureAwait(false))
            {
                throw new KeyFileException(KeyFileFailure.AlreadyExists, $"用户名 {userName} 已存在：改密码请用 terminal-host user passwd --user {userName}");
            }
            await store.AppendAuditAsync(new OfficeAuditEntry(now, CommandLineActor, "添加账户", "account:" + userName, $"角色 {StaffRoles.Name(staffRole)}"), token).ConfigureAwait(false);
            parse.InvocationConfiguration.Output.WriteLine($"已添加账户 {userName}（{displayName}，{StaffRoles.Name(staffRole)}）");
        }));
        return command;
    }

    private static Command Passwd()
    {
        var name = UserName();
        var password = PasswordFile();
        var settings = HostSettings.Option();
        var command = new Command("passwd", "设置新密码（同时解除锁定）") { name, password, settings };
        command.SetAction((parse, token) => GuardedAsync(parse, async () =>
        {
            var userName = parse.GetValue(name)!;
            var store = await HostSettings.Load(parse.GetValue(settings)).OpenStoreAsync(token).ConfigureAwait(false);
            _ = await store.AccountAsync(userName, token).ConfigureAwait(false) ?? throw NoSuchUser(userName);
            var now = DateTimeOffset.UtcNow;
            await store.SetPasswordAsync(userName, StaffPasswords.Hash(NewPassword(parse, password, userName)), now, token).ConfigureAwait(false);
            await store.AppendAuditAsync(new OfficeAuditEntry(now, CommandLineActor, "重设密码", "account:" + userName, ""), token).ConfigureAwait(false);
            parse.InvocationConfiguration.Output.WriteLine($"账户 {userName} 的密码已更新，锁定已解除");
        }));
        return command;
    }

    private static Command SetDisabled(string verb, bool disabled, string description)
    {
        var name = UserName();
        var settings = HostSettings.Option();
        var command = new Command(verb, description) { name, settings };
        command.SetAction((parse, token) => GuardedAsync(parse, async () =>
        {
            var userName = parse.GetValue(name)!;
            var store = await HostSettings.Load(parse.GetValue(settings)).OpenStoreAsync(token).ConfigureAwait(false);
            var now = DateTimeOffset.UtcNow;
            if (!await store.SetDisabledAsync(userName, disabled, now, token).ConfigureAwait(false))
            {
                throw NoSuchUser(userName);
            }
            await store.AppendAuditAsync(new OfficeAuditEntry(now, CommandLineActor, disabled ? "停用账户" : "启用账户", "account:" + userName, ""), token).ConfigureAwait(false);
            parse.InvocationConfiguration.Output.WriteLine(disabled ? $"账户 {userName} 已停用：已登录的会话在下一次操作时失效" : $"账户 {userName} 已重新启用");
        }));
        return command;
    }

    private static Command List()
    {
        var settings = HostSettings.Option();
        var command = new Command("list", "列出工作台账户") { settings };
        command.SetAction((parse, token) => GuardedAsync(parse, async () =>
        {
            var store = await HostSettings.Load(parse.GetValue(settings)).OpenStoreAsync(token).ConfigureAwait(false);
            foreach (var a in await store.AccountsAsync(token).ConfigureAwait(false))
            {
                parse.InvocationConfiguration.Output.WriteLine($"{a.UserName}\t{a.DisplayName}\t{StaffRoles.Name(a.Role)}\t{(a.Disabled ? "已停用" : "正常")}");
            }
        }));
        return command;
    }

    private static void CheckUserName(string userName)
    {
        if (userName.Length is 0 or > 32 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new KeyFileException(KeyFileFailure.BadRequest, $"用户名“{userName}”不对：只用字母、数字、点、横线、下划线，最多 32 个字符");
        }
    }

    private static string NewPassword(ParseResult parse, Option<string?> file, string userName)
    {
        var password = new PassphraseInput(parse.GetValue(file), parse.InvocationConfiguration.Output, PasswordVariable, "密码", StaffPasswords.MinimumLength, "--password-file").ReadNew();
        return StaffPasswords.ProblemOf(password, userName) is { } problem ? throw new KeyFileException(KeyFileFailure.BadRequest, problem) : password;
    }

    private static KeyFileException NoSuchUser(string userName) => new(KeyFileFailure.BadRequest, $"没有用户名为 {userName} 的账户（terminal-host user list 可列出全部）");

    /// <summary>Runs a user command: refusals and database failures are printed and exit <see cref="HostCli.Refused"/>.</summary>
    internal static async Task<int> GuardedAsync(ParseResult parse, Func<Task> body)
    {
        try
        {
            await body().ConfigureAwait(false);
            return HostCli.Done;
        }
        catch (Exception e) when (e is KeyFileException or HostStartupException or System.Data.Common.DbException or IOException)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync("失败：" + e.Message).ConfigureAwait(false);
            return HostCli.Refused;
        }
    }
}

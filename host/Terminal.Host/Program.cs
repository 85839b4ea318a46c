using System.Globalization;
using System.Text;
using Terminal.Host.Cli;

// The district host's one program: `terminal-host run` (or no command) is the service — a Windows service under the
// service manager, a systemd unit (Type=notify) under systemd, a console program otherwise; `terminal-host key …`
// sets up the district key. Messages are Chinese whatever the machine's locale.
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
Console.OutputEncoding = Encoding.UTF8;
return await HostCli.RunAsync(args, Console.Out, Console.Error);

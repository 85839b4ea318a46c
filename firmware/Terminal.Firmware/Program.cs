using System.Globalization;
using System.Text;
using Terminal.Firmware.Cli;

// The handheld's one program: `terminal serve` runs the terminal (local web UI on loopback); every other
// command is the technician's CLI. Messages are Chinese: the UI culture is zh-CN whatever the device's locale.
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
Console.OutputEncoding = Encoding.UTF8;
return await TerminalCli.RunAsync(args, Console.Out, Console.Error);

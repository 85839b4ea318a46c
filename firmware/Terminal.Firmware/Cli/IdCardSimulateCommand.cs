using System.CommandLine;
using Terminal.Drivers.IdCard.Simulator;
using Terminal.Drivers.IdCard.Transport;

namespace Terminal.Firmware.Cli;

/// <summary>`idcard simulate`: the reader-side simulator on a serial line, driven from the keyboard.</summary>
internal static class IdCardSimulateCommand
{
    private const string Help = "命令：放卡 N（或 place N）放第N张卡（从0开始）；取卡（remove）；故障 名称（fault 名称：BitError、WrongChecksum、Truncated、LongDelay、Silence、Garbage、CardRemovedMidRead）；退出（quit）";

    public static Command Build()
    {
        var port = new Option<string>("--port") { Description = "模拟器一端的串口（如 socat 建立的 /tmp/reader）", Required = true };
        var deck = new Option<string>("--deck") { Description = "卡组文件（JSON），如 hardware-docs/idcard/sample-deck.json", Required = true };
        var baud = new Option<int>("--baud") { Description = "按此波特率控制发送速度（默认115200）", DefaultValueFactory = _ => 115200 };
        var card = new Option<int?>("--card") { Description = "启动时放在读卡区的卡（序号，从0开始）" };
        var simulate = new Command("simulate", "运行读卡器模拟器（在串口的另一端按读卡器协议应答）") { port, deck, baud, card };
        simulate.SetAction(async (parse, token) =>
        {
            var output = parse.InvocationConfiguration.Output;
            CardDeck cards;
            try
            {
                cards = CardDeck.Load(parse.GetValue(deck)!);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                await output.WriteLineAsync("无效：" + e.Message).ConfigureAwait(false);
                return TerminalCli.Invalid;
            }
            var simulator = new IdCardReaderSimulator(cards, parse.GetValue(baud));
            if (parse.GetValue(card) is { } index)
            {
                if (index < 0 || index >= cards.Cards.Count)
                {
                    await output.WriteLineAsync($"无效：卡组中只有{cards.Cards.Count}张卡（序号0至{cards.Cards.Count - 1}）").ConfigureAwait(false);
                    return TerminalCli.Invalid;
                }
                simulator.Place(index);
            }
            Stream stream;
            try
            {
                stream = SimulatorPort.Open(parse.GetValue(port)!, parse.GetValue(baud));
            }
            catch (ReaderUnavailableException e)
            {
                await output.WriteLineAsync("无效：" + e.Message).ConfigureAwait(false);
                return TerminalCli.Invalid;
            }
            await using (stream.ConfigureAwait(false))
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
                await output.WriteLineAsync($"读卡器模拟器已在 {parse.GetValue(port)} 上运行，卡组共{cards.Cards.Count}张卡。按 Ctrl-C 停止。").ConfigureAwait(false);
                await output.WriteLineAsync(Help).ConfigureAwait(false);
                var running = simulator.RunAsync(stream, stop.Token);
                var keyboard = Task.Run(() => Control(simulator, cards, output, stop), CancellationToken.None);
                await Task.WhenAny(running, keyboard).ConfigureAwait(false);
                await stop.CancelAsync().ConfigureAwait(false);
                try
                {
                    await running.ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException)
                {
                    // the pty or the cable went away under the simulator: say so instead of a stack trace
                    await output.WriteLineAsync($"端口 {parse.GetValue(port)} 已断开，模拟器已停止：请重新建立虚拟串口后再运行。").ConfigureAwait(false);
                    return TerminalCli.Invalid;
                }
            }
            return TerminalCli.Valid;
        });
        return simulate;
    }

    /// <summary>Reads commands from standard input until it ends or "quit"; with no input (a script), waits for Ctrl-C.</summary>
    private static async Task Control(IdCardReaderSimulator simulator, CardDeck deck, TextWriter output, CancellationTokenSource stop)
    {
        string? line;
        while ((line = await Console.In.ReadLineAsync(stop.Token).ConfigureAwait(false)) is not null)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words)
            {
                case ["放卡" or "place", var n] when int.TryParse(n, out var i) && i >= 0 && i < deck.Cards.Count:
                    simulator.Place(i);
                    await output.WriteLineAsync($"已放卡：{deck.Cards[i].Name}").ConfigureAwait(false);
                    break;
                case ["取卡" or "remove"]:
                    simulator.Remove();
                    await output.WriteLineAsync("已取卡").ConfigureAwait(false);
                    break;
                case ["故障" or "fault", var f] when Enum.TryParse<ReaderFault>(f, ignoreCase: true, out var fault):
                    simulator.Inject(fault);
                    await output.WriteLineAsync($"下一次应答将注入故障：{fault}").ConfigureAwait(false);
                    break;
                case ["退出" or "quit"]:
                    return;
                case []:
                    break;
                default:
                    await output.WriteLineAsync("无法识别的命令。" + Help).ConfigureAwait(false);
                    break;
            }
        }
        await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }
}

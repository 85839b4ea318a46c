using System.CommandLine;
using System.IO.Ports;
using Terminal.Drivers.SignaturePad.Serial;

namespace Terminal.Firmware.Cli;

/// <summary>
/// `pad simulate`: the signature pad's side of a serial line (the demo's socat pty): each time the terminal sends the
/// start command (the review page opens the pad, or 清除重签), it answers with the sample signature as Wacom IV
/// packets after a short pause — the terminal's real SerialPad driver reads them.
/// </summary>
internal static class PadSimulateCommand
{
    public static Command Build()
    {
        var port = new Option<string>("--port") { Description = "模拟器一端的串口（如 socat 建立的 .cache/demo/pad-device）", Required = true };
        var delay = new Option<int>("--delay-ms") { Description = "收到开始命令后等待多久再写入示例签名（毫秒）", DefaultValueFactory = _ => 1500 };
        var simulate = new Command("simulate", "运行签字板模拟器（收到开始命令后写入示例签名）") { port, delay };
        simulate.SetAction(async (parse, token) =>
        {
            var output = parse.InvocationConfiguration.Output;
            using var serial = new SerialPort(parse.GetValue(port)!, 9600, Parity.None, 8, StopBits.One) { Handshake = Handshake.None };
            try
            {
                serial.Open();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                await output.WriteLineAsync($"无效：签字板模拟器无法打开串口 {parse.GetValue(port)}：{e.Message}").ConfigureAwait(false);
                return TerminalCli.Invalid;
            }
            await output.WriteLineAsync($"签字板模拟器已在 {parse.GetValue(port)} 上运行：终端每次发出开始命令，就写入一个示例签名。按 Ctrl-C 停止。").ConfigureAwait(false);
            var pad = new PadSimulator();
            try
            {
                while (!token.IsCancellationRequested)
                {
                    await pad.SignAsync(new DelayedStream(serial.BaseStream, parse.GetValue(delay)), PadSimulator.SampleSignature(), cancellationToken: token).ConfigureAwait(false);
                    await output.WriteLineAsync("已写入示例签名").ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Ctrl-C
            }
            return TerminalCli.Valid;
        });
        return new Command("pad", "签字板（Wacom IV 串口协议）") { simulate };
    }

    /// <summary>The port's stream, pausing once before the first packet is written (the subject takes the pen).</summary>
    private sealed class DelayedStream(Stream inner, int delayMilliseconds) : Stream
    {
        private bool _paused;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_paused)
            {
                _paused = true;
                await Task.Delay(delayMilliseconds, cancellationToken).ConfigureAwait(false);
            }
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
    }
}

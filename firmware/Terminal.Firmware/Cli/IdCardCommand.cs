using System.Buffers;
using System.CommandLine;
using System.Globalization;
using Terminal.Drivers.IdCard.Photo;
using Terminal.Drivers.IdCard.Protocol;
using Terminal.Drivers.IdCard.Simulator;
using Terminal.Drivers.IdCard.Transport;

namespace Terminal.Firmware.Cli;

/// <summary>`idcard read | parse | simulate`: the ID card reader from the technician's command line.</summary>
internal static class IdCardCommand
{
    public static Command Build()
    {
        return new Command("idcard", "第二代身份证读卡器（SAM串口协议）") { Read(), Parse(), IdCardSimulateCommand.Build() };
    }

    private static Command Read()
    {
        var port = new Option<string>("--port") { Description = "读卡器串口，如 /dev/ttyS3", Required = true };
        var baud = new Option<int>("--baud") { Description = "波特率（默认115200）", DefaultValueFactory = _ => 115200 };
        var fingerprint = new Option<bool>("--fingerprint") { Description = "同时读取指纹数据" };
        var read = new Command("read", "读一张身份证，以JSON输出采集记录的身份信息") { port, baud, fingerprint };
        read.SetAction(async (parse, token) =>
        {
            var options = new IdCardReaderOptions { PortName = parse.GetValue(port)!, BaudRate = parse.GetValue(baud), ReadFingerprint = parse.GetValue(fingerprint) };
            return await ReadAsync(options, parse.InvocationConfiguration.Output, token).ConfigureAwait(false);
        });
        return read;
    }

    internal static async Task<int> ReadAsync(IdCardReaderOptions options, TextWriter output, CancellationToken token)
    {
        if (options.Validate() is { Count: > 0 } problems)
        {
            await output.WriteLineAsync("无效：" + string.Join("；", problems)).ConfigureAwait(false);
            return TerminalCli.Invalid;
        }
        try
        {
            await using var port = SerialSamConnection.Open(options);
            var result = await new IdCardReader(port, options).ReadCardAsync(token).ConfigureAwait(false);
            if (result is not CardReadResult.Read read)
            {
                await output.WriteLineAsync("未读到：" + result.Message).ConfigureAwait(false);
                return TerminalCli.Invalid;
            }
            await output.WriteLineAsync(CardJson.Of(read.Card, Today, DecodePhoto(options, read.Card))).ConfigureAwait(false);
            return TerminalCli.Valid;
        }
        catch (ReaderUnavailableException e)
        {
            await output.WriteLineAsync("读卡器不可用：" + e.Message).ConfigureAwait(false);
            return TerminalCli.Invalid;
        }
    }

    private static Command Parse()
    {
        var file = new Argument<string>("FILE") { Description = "文件内容为读卡器一帧完整应答的十六进制文本" };
        var parse = new Command("parse", "解析一帧读卡应答（十六进制），以JSON输出身份信息") { file };
        parse.SetAction(p => ParseFile(p.GetValue(file)!, p.InvocationConfiguration.Output));
        return parse;
    }

    internal static int ParseFile(string path, TextWriter output)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.WriteLine($"无效：无法读取文件 {path}（{e.Message}）");
            return TerminalCli.Invalid;
        }
        if (!TryHex(text, out var bytes, out var bad))
        {
            output.WriteLine($"无效：文件中“{bad}”不是十六进制字节，请只写 AA AA AA 96 69 … 这样的十六进制数");
            return TerminalCli.Invalid;
        }
        try
        {
            var buffer = new ReadOnlySequence<byte>(bytes);
            if (!SamFrameCodec.TryReadResponse(ref buffer, out var response))
            {
                output.WriteLine($"无效：不是一帧完整的读卡应答（共{bytes.Length}字节，帧不完整或缺少帧头 AA AA AA 96 69）");
                return TerminalCli.Invalid;
            }
            if (buffer.Length > 0)
            {
                output.WriteLine($"无效：应答帧之后还有{buffer.Length}字节多余数据，请只放一帧");
                return TerminalCli.Invalid;
            }
            if (response.Status != SamStatus.Ok)
            {
                output.WriteLine($"无效：这一帧的状态是{(byte)response.Status:X2}（{SamStatusText.For(response.Status)}），不是读卡成功的应答");
                return TerminalCli.Invalid;
            }
            var withFingerprint = response.Data.Length != 4 + CardText.Length + CardData.PhotoLength;
            var card = CardData.Parse(response.Data.Span, withFingerprint);
            output.WriteLine(CardJson.Of(card, Today, new WltDecoding.NotInstalled("解析文件时不解码照片：芯片照片按原始数据给出摘要")));
            return TerminalCli.Valid;
        }
        catch (SamProtocolException e)
        {
            output.WriteLine($"无效：读卡应答有误（{e.Message}）");
            return TerminalCli.Invalid;
        }
    }

    private static WltDecoding DecodePhoto(IdCardReaderOptions options, CardData card)
    {
        var why = WltDecoder.TryLoad(options.WltLibrary, options.WltFunction, out var decoder);
        if (decoder is null)
        {
            return new WltDecoding.NotInstalled(why!);
        }
        using (decoder)
        {
            return decoder.Decode(card.Photo.Span);
        }
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    internal static bool TryHex(string text, out byte[] bytes, out string bad)
    {
        var list = new List<byte>();
        bad = "";
        foreach (var token in text.Split((char[])[' ', '\n', '\r', '\t', ',', ':'], StringSplitOptions.RemoveEmptyEntries))
        {
            var t = token.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? token[2..] : token;
            if (t.Length % 2 != 0)
            {
                bad = token;
                bytes = [];
                return false;
            }
            for (var i = 0; i < t.Length; i += 2)
            {
                if (!byte.TryParse(t.AsSpan(i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    bad = token;
                    bytes = [];
                    return false;
                }
                list.Add(b);
            }
        }
        bytes = [.. list];
        return true;
    }
}

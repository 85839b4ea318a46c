using System.Text.Json;
using Terminal.Drivers.IdCard.Protocol;
using Terminal.Drivers.IdCard.Simulator;
using Terminal.Firmware.Cli;
using Terminal.Testing;

namespace Terminal.Firmware.Tests.Cli;

[TestClass]
public sealed class IdCardCommandTests
{
    private static readonly CardDeck Deck = CardDeck.Load(Path.Combine(AppContext.BaseDirectory, "sample-deck.json"));

    private static string HexFile(byte[] frame)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, Convert.ToHexString(frame).Chunk(2).Select(c => new string(c)).Aggregate((a, b) => a + " " + b));
        return path;
    }

    private static byte[] ReadReply(SimulatedCard card, bool fingerprint = false) =>
        SamFrameCodec.EncodeResponse(SamStatus.Ok, CardData.Encode(card.Text(), card.Photo(), card.FingerprintTemplates(), fingerprint));

    [TestMethod]
    public async Task Parse_ReadReplyFrame_PrintsTheRecordIdentityAsJson()
    {
        var path = HexFile(ReadReply(Deck.Cards[1]));
        var run = await CliRun.InProcessAsync("idcard", "parse", path);
        Assert.AreEqual(TerminalCli.Valid, run.ExitCode, run.Output);
        using var json = JsonDocument.Parse(run.Output);
        var values = json.RootElement.GetProperty("values");
        Assert.AreEqual("阿不都热合曼·买买提", values.GetProperty("identity.name").GetString());
        Assert.AreEqual("1952-08-17", values.GetProperty("identity.birthDate").GetString());
        Assert.AreEqual("05", values.GetProperty("identity.nation").GetString());
        Assert.AreEqual("维吾尔族", json.RootElement.GetProperty("nation").GetString());
        Assert.IsTrue(json.RootElement.GetProperty("expired").GetBoolean(), "this card expired on 2018-03-01");
        StringAssert.Contains(json.RootElement.GetProperty("problems")[0].GetString(), "过期");
    }

    [TestMethod]
    public async Task Parse_FingerprintReplyAndLongTermCard()
    {
        var run = await CliRun.InProcessAsync("idcard", "parse", HexFile(ReadReply(Deck.Cards[2], fingerprint: true)));
        Assert.AreEqual(TerminalCli.Valid, run.ExitCode, run.Output);
        using var json = JsonDocument.Parse(run.Output);
        Assert.AreEqual(1024, json.RootElement.GetProperty("fingerprintBytes").GetInt32());
        var longTerm = await CliRun.InProcessAsync("idcard", "parse", HexFile(ReadReply(Deck.Cards[0])));
        StringAssert.Contains(longTerm.Output, "\"identity.validUntil\": \"长期\"");
    }

    [TestMethod]
    public async Task Parse_BrokenInputs_ExitOneWithTheReason()
    {
        var good = ReadReply(Deck.Cards[0]);
        var badChecksum = (byte[])good.Clone();
        badChecksum[^1] ^= 1;
        var cases = new (string Path, string Reason)[]
        {
            ("/no/such/file.hex", "无法读取文件"),
            (WriteText("AA AA ZZ"), "不是十六进制字节"),
            (HexFile(good[..100]), "不是一帧完整的读卡应答"),
            (HexFile(badChecksum), "读卡应答有误"),
            (HexFile([.. good, 0x00]), "多余数据"),
            (HexFile(SamFrameCodec.EncodeResponse(SamStatus.NoCard)), "请把身份证放在读卡区"),
            (HexFile(SamFrameCodec.EncodeResponse(SamStatus.Ok, [1, 2, 3])), "读卡应答有误"),
        };
        foreach (var (path, reason) in cases)
        {
            var run = await CliRun.InProcessAsync("idcard", "parse", path);
            Assert.AreEqual(TerminalCli.Invalid, run.ExitCode, path);
            StringAssert.StartsWith(run.Output, "无效：");
            StringAssert.Contains(run.Output, reason);
        }
    }

    [TestMethod]
    [TestCategory("Pty")]
    public async Task Read_AgainstTheSimulatorOverAPty_PrintsTheCard()
    {
        using var pty = PtyPair.Start();
        var simulator = new IdCardReaderSimulator(Deck);
        simulator.Place(4);
        using var stop = new CancellationTokenSource();
        var device = SimulatorPort.Open(pty.DeviceEnd, 115200);
        var running = simulator.RunAsync(device, stop.Token);
        var run = await CliRun.InProcessAsync("idcard", "read", "--port", pty.HostEnd);
        await stop.CancelAsync();
        await running;
        await device.DisposeAsync();
        Assert.AreEqual(TerminalCli.Valid, run.ExitCode, run.Output);
        using var json = JsonDocument.Parse(run.Output);
        Assert.AreEqual("ResidencePermit", json.RootElement.GetProperty("cardType").GetString());
        Assert.AreEqual("2", json.RootElement.GetProperty("values").GetProperty("identity.documentType").GetString());
        Assert.IsFalse(json.RootElement.GetProperty("chipPhoto").GetProperty("decoded").GetBoolean());
        StringAssert.Contains(json.RootElement.GetProperty("chipPhoto").GetProperty("note").GetString(), "原始数据保存");
    }

    [TestMethod]
    public async Task Read_NoReaderThere_SaysSo()
    {
        var run = await CliRun.InProcessAsync("idcard", "read", "--port", "/dev/no-such-reader");
        Assert.AreEqual(TerminalCli.Invalid, run.ExitCode);
        StringAssert.StartsWith(run.Output, "读卡器不可用：");
    }

    [TestMethod]
    public async Task Read_BadBaud_IsRefused()
    {
        var run = await CliRun.InProcessAsync("idcard", "read", "--port", "/dev/x", "--baud", "12345");
        Assert.AreEqual(TerminalCli.Invalid, run.ExitCode);
        StringAssert.Contains(run.Output, "波特率12345无效");
    }

    private static string WriteText(string text)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, text);
        return path;
    }
}

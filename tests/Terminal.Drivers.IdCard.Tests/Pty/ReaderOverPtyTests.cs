using Terminal.Drivers.IdCard.Protocol;
using Terminal.Drivers.IdCard.Simulator;
using Terminal.Drivers.IdCard.Transport;

namespace Terminal.Drivers.IdCard.Tests.Pty;

/// <summary>The driver's serial code against the simulator over a real pty pair (socat), at 115200 baud.</summary>
[TestClass]
[TestCategory("Pty")]
public sealed class ReaderOverPtyTests
{
    private static async Task<(SimulatedReader Sim, SamPort Port, IdCardReader Reader)> StartAsync()
    {
        var sim = SimulatedReader.Start();
        var port = sim.OpenDriver();
        await Task.Yield();
        return (sim, port, new IdCardReader(port, sim.Options));
    }

    [TestMethod]
    public async Task SamCommands_ResetStatusAndSamId_Answer()
    {
        var (sim, port, reader) = await StartAsync();
        await using (sim)
        await using (port)
        {
            Assert.AreEqual(SamStatus.Ok, await reader.ResetAsync());
            Assert.AreEqual(SamStatus.Ok, await reader.GetStatusAsync());
            Assert.AreEqual("05.01-12345-123456789-987654321", await reader.ReadSamIdAsync());
        }
    }

    [TestMethod]
    public async Task ReadCard_NoCard_SaysPutTheCardOnTheReader()
    {
        var (sim, port, reader) = await StartAsync();
        await using (sim)
        await using (port)
        {
            var result = await reader.ReadCardAsync();
            Assert.IsInstanceOfType<CardReadResult.NoCard>(result);
            Assert.AreEqual("请把身份证放在读卡区", result.Message);
        }
    }

    [TestMethod]
    public async Task ReadCard_EveryCardOfTheDeck_ReadsItsIdentity()
    {
        var (sim, port, reader) = await StartAsync();
        await using (sim)
        await using (port)
        {
            for (var i = 0; i < SimulatedReader.Deck.Cards.Count; i++)
            {
                var card = SimulatedReader.Deck.Cards[i];
                sim.Simulator.Place(i);
                var result = await reader.ReadCardAsync();
                var read = result as CardReadResult.Read;
                Assert.IsNotNull(read, $"card {i}: {result.Message}");
                Assert.AreEqual(card.Type, read.Card.Identity.Type);
                Assert.AreEqual(card.Name, read.Card.Identity.Name);
                Assert.AreEqual(card.IdNumber, read.Card.Identity.IdNumber);
                Assert.AreEqual(card.AppendedAddress, read.Card.Identity.AppendedAddress);
                CollectionAssert.AreEqual(card.Photo(), read.Card.Photo.ToArray());
            }
        }
    }

    [TestMethod]
    public async Task ReadCard_WithFingerprint_ReadsTheTemplates()
    {
        var (sim, port, _) = await StartAsync();
        await using (sim)
        await using (port)
        {
            var reader = new IdCardReader(port, new IdCardReaderOptions { PortName = sim.Options.PortName, ReadFingerprint = true });
            sim.Simulator.Place(2);
            var read = (CardReadResult.Read)await reader.ReadCardAsync();
            Assert.AreEqual(1024, read.Card.Fingerprint.Length);
            Assert.AreEqual("新疆乌鲁木齐市水磨沟区七道湾路66号2栋", read.Card.Identity.AppendedAddress);
        }
    }

    [TestMethod]
    public async Task ReadCard_AfterAGoodRead_FindsNoCardUntilPlacedAgain()
    {
        var (sim, port, reader) = await StartAsync();
        await using (sim)
        await using (port)
        {
            sim.Simulator.Place(0);
            Assert.IsInstanceOfType<CardReadResult.Read>(await reader.ReadCardAsync());
            Assert.IsInstanceOfType<CardReadResult.NoCard>(await reader.ReadCardAsync());
            sim.Simulator.Remove();
            sim.Simulator.Place(0);
            Assert.IsInstanceOfType<CardReadResult.Read>(await reader.ReadCardAsync());
        }
    }

    [TestMethod]
    [DataRow(ReaderFault.BitError)]
    [DataRow(ReaderFault.WrongChecksum)]
    [DataRow(ReaderFault.Truncated)]
    [DataRow(ReaderFault.Garbage)]
    [DataRow(ReaderFault.Silence)]
    public async Task ReadCard_OneBrokenReply_IsRetriedAndTheCardRead(ReaderFault fault)
    {
        var (sim, port, reader) = await StartAsync();
        await using (sim)
        await using (port)
        {
            sim.Simulator.Place(0);
            sim.Simulator.Inject(fault);
            var result = await reader.ReadCardAsync();
            Assert.IsInstanceOfType<CardReadResult.Read>(result, result.Message);
        }
    }

    [TestMethod]
    public async Task ReadCard_BrokenRepliesBeyondTheRetries_FailsPlainlyThenRecovers()
    {
        var (sim, port, reader) = await StartAsync();
        await using (sim)
        await using (port)
        {
            sim.Simulator.Place(0);
            sim.Simulator.Inject(ReaderFault.WrongChecksum, times: 3);
            var failed = await reader.ReadCardAsync();
            Assert.IsInstanceOfType<CardReadResult.Failed>(failed);
            StringAssert.Contains(failed.Message, "请取下身份证后重新放置");
            Assert.IsInstanceOfType<CardReadResult.Read>(await reader.ReadCardAsync());
        }
    }

    [TestMethod]
    public async Task ReadCard_LongDelay_TimesOutThenRecovers()
    {
        var (sim, port, reader) = await StartAsync();
        await using (sim)
        await using (port)
        {
            sim.Simulator.Place(0);
            sim.Simulator.Inject(ReaderFault.LongDelay);
            var first = await reader.ReadCardAsync();
            Assert.IsInstanceOfType<CardReadResult.Failed>(first);
            Assert.AreEqual(IdCardReader.NoAnswer, first.Message);
            await port.DrainAsync(TimeSpan.FromMilliseconds(1500)); // the late replies arrive; then the line is quiet
            Assert.IsInstanceOfType<CardReadResult.Read>(await reader.ReadCardAsync());
        }
    }

    [TestMethod]
    public async Task ReadCard_CardRemovedMidRead_SaysDoNotMoveTheCard()
    {
        var (sim, port, reader) = await StartAsync();
        await using (sim)
        await using (port)
        {
            sim.Simulator.Place(0);
            sim.Simulator.Inject(ReaderFault.CardRemovedMidRead);
            var result = await reader.ReadCardAsync();
            var failed = result as CardReadResult.Failed;
            Assert.IsNotNull(failed, result.Message);
            Assert.AreEqual(SamStatus.ReadFailed, failed.Status);
            StringAssert.Contains(failed.Message, "请勿移动身份证");
        }
    }

    [TestMethod]
    public async Task Open_MissingDevice_SaysTheReaderIsNotConnected()
    {
        var options = new IdCardReaderOptions { PortName = "/dev/no-such-reader" };
        var e = Assert.ThrowsExactly<ReaderUnavailableException>(() => SerialSamConnection.Open(options));
        StringAssert.Contains(e.Message, "读卡器");
        await Task.CompletedTask;
    }
}

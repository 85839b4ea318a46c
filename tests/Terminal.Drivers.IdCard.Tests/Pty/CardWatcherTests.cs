using System.Threading.Channels;
using Terminal.Drivers.IdCard.Transport;

namespace Terminal.Drivers.IdCard.Tests.Pty;

/// <summary>The reading loop over a real pty: one event per placement, and recovery after unplug/replug.</summary>
[TestClass]
[TestCategory("Pty")]
public sealed class CardWatcherTests
{
    private sealed class Feedback : ICardFeedback
    {
        public int Reads;
        public int Failures;
        public void CardRead() => Interlocked.Increment(ref Reads);
        public void CardFailed() => Interlocked.Increment(ref Failures);
    }

    private static (Channel<CardEvent> Events, Task Loop, CancellationTokenSource Stop) Watch(SimulatedReader sim, Feedback feedback)
    {
        var events = Channel.CreateUnbounded<CardEvent>();
        var stop = new CancellationTokenSource();
        var watcher = new CardWatcher(sim.OpenDriver, sim.Options, feedback);
        var loop = Task.Run(async () =>
        {
            await foreach (var e in watcher.WatchAsync(stop.Token))
            {
                await events.Writer.WriteAsync(e);
            }
        });
        return (events, loop, stop);
    }

    private static async Task<T> NextAsync<T>(Channel<CardEvent> events) where T : CardEvent
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var e = await events.Reader.ReadAsync(timeout.Token);
            if (e is T wanted)
            {
                return wanted;
            }
        }
    }

    [TestMethod]
    public async Task Watch_CardLyingStill_GivesOneEventPerPlacement()
    {
        await using var sim = SimulatedReader.Start();
        var feedback = new Feedback();
        var (events, loop, stop) = Watch(sim, feedback);
        Assert.AreEqual("05.01-12345-123456789-987654321", (await NextAsync<CardEvent.ReaderConnected>(events)).SamId);
        sim.Simulator.Place(0);
        Assert.AreEqual("张建国", (await NextAsync<CardEvent.CardPlaced>(events)).Card.Identity.Name);
        await Task.Delay(1000); // about ten polls with the card lying still
        sim.Simulator.Remove();
        await Task.Delay(400);
        sim.Simulator.Place(3);
        Assert.AreEqual("李𠮷㛃", (await NextAsync<CardEvent.CardPlaced>(events)).Card.Identity.Name);
        await stop.CancelAsync();
        await loop;
        var placed = new List<CardEvent>();
        while (events.Reader.TryRead(out var e))
        {
            placed.Add(e);
        }
        Assert.IsFalse(placed.OfType<CardEvent.CardPlaced>().Any(), "no duplicate event while a card lay still");
        Assert.AreEqual(2, feedback.Reads);
    }

    [TestMethod]
    public async Task Watch_SameCardPlacedAgain_GivesASecondEvent()
    {
        await using var sim = SimulatedReader.Start();
        var (events, loop, stop) = Watch(sim, new Feedback());
        await NextAsync<CardEvent.ReaderConnected>(events);
        sim.Simulator.Place(1);
        await NextAsync<CardEvent.CardPlaced>(events);
        sim.Simulator.Remove();
        await Task.Delay(500);
        sim.Simulator.Place(1);
        Assert.AreEqual("阿不都热合曼·买买提", (await NextAsync<CardEvent.CardPlaced>(events)).Card.Identity.Name);
        await stop.CancelAsync();
        await loop;
    }

    [TestMethod]
    public async Task Watch_ReaderUnpluggedAndPluggedBack_RecoversWithoutRestart()
    {
        await using var sim = SimulatedReader.Start();
        var (events, loop, stop) = Watch(sim, new Feedback());
        await NextAsync<CardEvent.ReaderConnected>(events);
        await sim.UnplugAsync();
        var lost = await NextAsync<CardEvent.ReaderUnavailable>(events);
        StringAssert.Contains(lost.Message, "读卡器");
        await Task.Delay(500);
        sim.Replug();
        await NextAsync<CardEvent.ReaderConnected>(events);
        sim.Simulator.Place(4);
        Assert.AreEqual("陈家明", (await NextAsync<CardEvent.CardPlaced>(events)).Card.Identity.Name);
        await stop.CancelAsync();
        await loop;
    }

    [TestMethod]
    public async Task Watch_CardMovedDuringRead_TellsTheWorker()
    {
        await using var sim = SimulatedReader.Start();
        var feedback = new Feedback();
        var (events, loop, stop) = Watch(sim, feedback);
        await NextAsync<CardEvent.ReaderConnected>(events);
        sim.Simulator.Inject(Simulator.ReaderFault.CardRemovedMidRead);
        sim.Simulator.Place(0);
        StringAssert.Contains((await NextAsync<CardEvent.CardProblem>(events)).Message, "请勿移动身份证");
        Assert.IsGreaterThanOrEqualTo(1, feedback.Failures);
        await stop.CancelAsync();
        await loop;
    }
}

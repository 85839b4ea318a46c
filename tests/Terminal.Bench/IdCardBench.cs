using System.Buffers;
using System.Diagnostics;
using CsCheck;
using Terminal.Drivers.IdCard.Protocol;
using Terminal.Drivers.IdCard.Simulator;
using Terminal.Drivers.IdCard.Transport;
using Terminal.Testing;
using Terminal.Testing.IdCard;

namespace Terminal.Bench;

/// <summary>The ID card reader's figures (issue 4): decode rate, fuzzing, and a full read over a pty against wire time.</summary>
internal static class IdCardBench
{
    public static async Task<IReadOnlyList<BenchRow>> RunAsync(TextWriter log)
    {
        var rows = new List<BenchRow> { DecodeRate() };
        rows.Add(Fuzz(log));
        rows.Add(await ReadLatencyAsync().ConfigureAwait(false));
        return rows;
    }

    /// <summary>Read replies (1,295 bytes) decoded per second, against one XOR pass over the same bytes.</summary>
    private static BenchRow DecodeRate()
    {
        var deck = CardDeck.Load(Path.Combine(AppContext.BaseDirectory, "sample-deck.json"));
        var card = deck.Cards[0];
        var frame = SamFrameCodec.EncodeResponse(SamStatus.Ok, CardData.Encode(card.Text(), card.Photo(), [], false));
        var decode = Rate(() =>
        {
            var buffer = new ReadOnlySequence<byte>(frame);
            SamFrameCodec.TryReadResponse(ref buffer, out var response);
            _ = CardData.Parse(response.Data.Span, false);
        });
        byte sink = 0;
        var xor = Rate(() => sink ^= SamFrame.Checksum(frame));
        GC.KeepAlive(sink);
        // frames per second; the ratio is how much slower a full decode is than merely touching every byte once
        return new BenchRow("ID card: read replies decoded (frame + text + photo)", decode, "frames/s", xor, "one XOR pass over the frame", null);
    }

    /// <summary>1,000,000 random and mutated inputs through the decoder: only protocol errors may escape.</summary>
    private static BenchRow Fuzz(TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        FrameFuzz.Inputs.Sample(FrameFuzz.DecodesSafely, iter: 1_000_000, threads: Environment.ProcessorCount);
        var seconds = clock.Elapsed.TotalSeconds;
        log.WriteLine($"  fuzz: 1,000,000 inputs decoded safely in {seconds:0.0} s");
        var generate = Stopwatch.StartNew();
        FrameFuzz.Inputs.Sample(_ => true, iter: 1_000_000, threads: Environment.ProcessorCount);
        return new BenchRow("ID card: fuzzed decoder inputs (1,000,000, no escape)", 1_000_000 / seconds, "inputs/s", 1_000_000 / generate.Elapsed.TotalSeconds, "generating the inputs only", null);
    }

    /// <summary>A full read (find, select, read, appended address) over a pty at 115200 baud, against the wire time of its bytes.</summary>
    private static async Task<BenchRow> ReadLatencyAsync()
    {
        var deck = CardDeck.Load(Path.Combine(AppContext.BaseDirectory, "sample-deck.json"));
        using var pty = PtyPair.Start();
        var simulator = new IdCardReaderSimulator(deck, 115200);
        using var stop = new CancellationTokenSource();
        var device = SimulatorPort.Open(pty.DeviceEnd, 115200);
        var running = simulator.RunAsync(device, stop.Token);
        var options = new IdCardReaderOptions { PortName = pty.HostEnd };
        var times = new List<double>();
        await using (var port = SerialSamConnection.Open(options))
        {
            var reader = new IdCardReader(port, options);
            for (var i = 0; i < 25; i++)
            {
                simulator.Place(0);
                var clock = Stopwatch.StartNew();
                var result = await reader.ReadCardAsync().ConfigureAwait(false);
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (result is not CardReadResult.Read)
                {
                    throw new InvalidOperationException("bench read failed: " + result.Message);
                }
            }
        }
        await stop.CancelAsync().ConfigureAwait(false);
        await running.ConfigureAwait(false);
        await device.DisposeAsync().ConfigureAwait(false);
        var card = deck.Cards[0];
        var bytes = 4 * 10 // four requests
            + SamFrameCodec.EncodeResponse(SamStatus.CardFound, new byte[4]).Length
            + SamFrameCodec.EncodeResponse(SamStatus.Ok, new byte[8]).Length
            + SamFrameCodec.EncodeResponse(SamStatus.Ok, CardData.Encode(card.Text(), card.Photo(), [], false)).Length
            + SamFrameCodec.EncodeResponse(SamStatus.NoContent).Length;
        var wireMs = bytes * 10.0 / 115200 * 1000;
        times.Sort();
        return new BenchRow($"ID card: full read over a pty at 115200 baud (median of 25, {bytes} bytes)", times[times.Count / 2], "ms", wireMs, "wire time of those bytes", 1.10);
    }

    private static double Rate(Action action)
    {
        for (var i = 0; i < 1000; i++)
        {
            action();
        }
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.ElapsedMilliseconds < 1500)
        {
            for (var i = 0; i < 1000; i++)
            {
                action();
            }
            count += 1000;
        }
        return count / clock.Elapsed.TotalSeconds;
    }
}

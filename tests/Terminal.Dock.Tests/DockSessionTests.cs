using System.IO.Pipelines;
using System.Security.Cryptography;
using CsCheck;
using Terminal.Dock.Framing;
using Terminal.Dock.Session;

namespace Terminal.Dock.Tests;

[TestClass]
public sealed class DockSessionTests
{
    [TestMethod]
    public void Frame_AnyPayloadBetweenNoise_IsReadBackAndNoiseSkipped() =>
        (from noise in Gen.Byte.Array[0, 50] from payload in Gen.Byte.Array[0, 3000] from type in Gen.Byte[1, 5] select (noise, payload, type))
        .Sample(t =>
        {
            var stream = new MemoryStream([.. t.noise, .. DockFrame.Encode((DockFrameType)t.type, t.payload)]);
            var (type, payload) = new DockFrameReader(stream).ReadAsync(CancellationToken.None).GetAwaiter().GetResult();
            return type == (DockFrameType)t.type && payload.AsSpan().SequenceEqual(t.payload);
        }, iter: 2000);

    [TestMethod]
    public async Task Frame_BadCrc_IsDroppedAndTheNextFrameRead()
    {
        var broken = DockFrame.Encode(DockFrameType.Sealed, [1, 2, 3]);
        broken[^1] ^= 0xFF;
        var reader = new DockFrameReader(new MemoryStream([.. broken, .. DockFrame.Encode(DockFrameType.Refused, [9])]));
        var (type, payload) = await reader.ReadAsync(CancellationToken.None);
        Assert.AreEqual(DockFrameType.Refused, type);
        CollectionAssert.AreEqual(new byte[] { 9 }, payload);
        Assert.AreEqual(1, reader.Dropped);
    }

    [TestMethod]
    public async Task Frame_StreamEnds_IsEndOfStream() =>
        await Assert.ThrowsExactlyAsync<EndOfStreamException>(() => new DockFrameReader(new MemoryStream([0xD0, 0xCC, 0, 0])).ReadAsync(CancellationToken.None));

    [TestMethod]
    public void Channel_ReplayedOrForgedMessage_DoesNotOpen()
    {
        var keyA = RandomNumberGenerator.GetBytes(32);
        var keyB = RandomNumberGenerator.GetBytes(32);
        using var host = new SecureChannel(keyA, keyB, isHost: true);
        using var terminal = new SecureChannel(keyB, keyA, isHost: false);
        var first = host.Seal("一"u8);
        var second = host.Seal("二"u8);
        CollectionAssert.AreEqual("一"u8.ToArray(), terminal.Open(first));
        CollectionAssert.AreEqual("二"u8.ToArray(), terminal.Open(second));
        Assert.ThrowsExactly<DockSecurityException>(() => terminal.Open(first), "replayed");
        var forged = host.Seal("三"u8);
        forged[^1] ^= 1;
        Assert.ThrowsExactly<DockSecurityException>(() => terminal.Open(forged));
        Assert.ThrowsExactly<DockSecurityException>(() => host.Open(host.Seal("四"u8)), "a host's own message is not a terminal's");
    }

    private static (DockLink A, DockLink B) Pair()
    {
        var aToB = new Pipe();
        var bToA = new Pipe();
        return (new DockLink(new DuplexStream(bToA.Reader.AsStream(), aToB.Writer.AsStream())),
                new DockLink(new DuplexStream(aToB.Reader.AsStream(), bToA.Writer.AsStream())));
    }

    [TestMethod]
    public async Task Handshake_ProvisionedPair_AgreesOnKeysBothWays()
    {
        using var docking = new Docking();
        var (hostLink, terminalLink) = Pair();
        var terminal = Task.Run(() => DockHandshake.TerminalAsync(terminalLink, Docking.TerminalId, docking.TerminalKey, DockKeys.PublicPoint(docking.DistrictKey), CancellationToken.None));
        var (id, hostChannel) = await DockHandshake.HostAsync(hostLink, docking.DistrictKey, docking.ProvisionedTerminal, CancellationToken.None);
        using var terminalChannel = await terminal;
        using (hostChannel)
        {
            Assert.AreEqual(Docking.TerminalId, id);
            CollectionAssert.AreEqual("你好"u8.ToArray(), terminalChannel.Open(hostChannel.Seal("你好"u8)));
            CollectionAssert.AreEqual("收到"u8.ToArray(), hostChannel.Open(terminalChannel.Seal("收到"u8)));
        }
    }

    /// <summary>
    /// A terminal's hello recorded from one docking and replayed to the host later: the host's fresh nonce makes the
    /// recorded signature worthless, so the replay is refused.
    /// </summary>
    [TestMethod]
    public async Task Handshake_RecordedTerminalHelloReplayed_IsRefused()
    {
        using var docking = new Docking();
        var (recorder, genuineTerminalLink) = Pair();
        _ = Task.Run(() => DockHandshake.TerminalAsync(genuineTerminalLink, Docking.TerminalId, docking.TerminalKey, DockKeys.PublicPoint(docking.DistrictKey), CancellationToken.None));
        await recorder.SendAsync(DockFrameType.HostHello, RandomNumberGenerator.GetBytes(32), CancellationToken.None);
        var recordedHello = await recorder.ReceiveAsync(TimeSpan.FromSeconds(5), CancellationToken.None);

        var (hostLink, attacker) = Pair();
        var host = DockHandshake.HostAsync(hostLink, docking.DistrictKey, docking.ProvisionedTerminal, CancellationToken.None);
        await attacker.ReceiveAsync(TimeSpan.FromSeconds(5), CancellationToken.None); // the host's new nonce
        await attacker.SendAsync(recordedHello.Type, recordedHello.Payload, CancellationToken.None);
        var e = await Assert.ThrowsExactlyAsync<DockSecurityException>(() => host);
        StringAssert.Contains(e.Message, "signed with another key");
    }

    private sealed class DuplexStream(Stream reader, Stream writer) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => writer.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => writer.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => reader.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => reader.ReadAsync(buffer, cancellationToken);
        public override void Write(byte[] buffer, int offset, int count) => writer.Write(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => writer.WriteAsync(buffer, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

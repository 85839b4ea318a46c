using System.Buffers.Binary;
using System.Security.Cryptography;
using Terminal.Dock.Framing;

namespace Terminal.Dock.Session;

/// <summary>
/// One docking's protection after the handshake: each message sealed with AES-256-GCM under this direction's
/// session key, with a counter that must only grow (nonce = direction label + counter; the counter and frame type
/// are authenticated). A frame from another session, or replayed within this one, does not open.
/// </summary>
public sealed class SecureChannel : IDisposable
{
    private readonly AesGcm _send;
    private readonly AesGcm _receive;
    private readonly byte[] _sendLabel;
    private readonly byte[] _receiveLabel;
    private ulong _sent;
    private ulong _received;

    internal SecureChannel(byte[] sendKey, byte[] receiveKey, bool isHost)
    {
        _send = new AesGcm(sendKey, 16);
        _receive = new AesGcm(receiveKey, 16);
        _sendLabel = isHost ? "H2T\0"u8.ToArray() : "T2H\0"u8.ToArray();
        _receiveLabel = isHost ? "T2H\0"u8.ToArray() : "H2T\0"u8.ToArray();
    }

    /// <summary>Seals a message: counter (8, big-endian) + ciphertext + tag (16).</summary>
    public byte[] Seal(ReadOnlySpan<byte> message)
    {
        var counter = ++_sent;
        var sealedBytes = new byte[8 + message.Length + 16];
        BinaryPrimitives.WriteUInt64BigEndian(sealedBytes, counter);
        _send.Encrypt(Nonce(_sendLabel, counter), message, sealedBytes.AsSpan(8, message.Length), sealedBytes.AsSpan(8 + message.Length), Aad(counter));
        return sealedBytes;
    }

    /// <summary>Opens a sealed message; throws <see cref="DockSecurityException"/> for a forged, foreign or replayed one.</summary>
    public byte[] Open(ReadOnlySpan<byte> sealedBytes)
    {
        if (sealedBytes.Length < 24)
        {
            throw new DockSecurityException("sealed message too short");
        }
        var counter = BinaryPrimitives.ReadUInt64BigEndian(sealedBytes);
        if (counter <= _received)
        {
            throw new DockSecurityException($"message counter {counter} not above {_received}: a replay");
        }
        var message = new byte[sealedBytes.Length - 24];
        try
        {
            _receive.Decrypt(Nonce(_receiveLabel, counter), sealedBytes.Slice(8, message.Length), sealedBytes[^16..], message, Aad(counter));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new DockSecurityException("a message that does not open with this session's key", e);
        }
        _received = counter;
        return message;
    }

    private static byte[] Nonce(byte[] label, ulong counter)
    {
        var nonce = new byte[12];
        label.CopyTo(nonce, 0);
        BinaryPrimitives.WriteUInt64BigEndian(nonce.AsSpan(4), counter);
        return nonce;
    }

    private static byte[] Aad(ulong counter)
    {
        var aad = new byte[9];
        aad[0] = (byte)DockFrameType.Sealed;
        BinaryPrimitives.WriteUInt64BigEndian(aad.AsSpan(1), counter);
        return aad;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _send.Dispose();
        _receive.Dispose();
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Terminal.Dock.Framing;

namespace Terminal.Dock.Session;

/// <summary>
/// Mutual authentication with the keys issued at provisioning, and the session keys (dock-protocol.md §2):
/// <code>
/// 1 host → terminal  HostHello      nonceH(32)
/// 2 terminal → host  TerminalHello  len(1) terminalId | nonceT(32) | ephT(65) | sigT(64) over "dock-v1" | 1 | 2 without sigT
/// 3 host → terminal  HostConfirm    ephH(65) | sigH(64) over transcript of 1, 2 and ephH
/// keys = HKDF-SHA256(ECDH(ephT, ephH), salt = nonceH | nonceT, info "terminal-dock-v1") → host→terminal key | terminal→host key
/// </code>
/// Fresh nonces from both ends make a recorded session useless later: its signatures cover the old nonces.
/// </summary>
public static class DockHandshake
{
    private static readonly byte[] Label = "dock-v1"u8.ToArray();
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The host's side: returns the terminal's id and the channel. <paramref name="terminalKey"/> gives a
    /// provisioned terminal's public point, or null for a terminal this district never provisioned.</summary>
    public static Task<(string TerminalId, SecureChannel Channel)> HostAsync(DockLink link, ECDsa districtKey, Func<string, byte[]?> terminalKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terminalKey);
        return HostAsync(link, districtKey, (id, _) => Task.FromResult(terminalKey(id)), cancellationToken);
    }

    /// <summary>The host's side, looking the terminal's key up asynchronously (in the district database).</summary>
    public static async Task<(string TerminalId, SecureChannel Channel)> HostAsync(DockLink link, ECDsa districtKey, Func<string, CancellationToken, Task<byte[]?>> terminalKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(districtKey);
        ArgumentNullException.ThrowIfNull(terminalKey);
        var nonceH = RandomNumberGenerator.GetBytes(32);
        await link.SendAsync(DockFrameType.HostHello, nonceH, cancellationToken).ConfigureAwait(false);
        var hello = await ExpectAsync(link, DockFrameType.TerminalHello, cancellationToken).ConfigureAwait(false);
        if (hello.Length < 1 || hello.Length != 1 + hello[0] + 32 + DockKeys.PointLength + DockKeys.SignatureLength)
        {
            throw new DockSecurityException("malformed terminal hello");
        }
        var terminalId = Encoding.UTF8.GetString(hello, 1, hello[0]);
        var nonceT = hello.AsSpan(1 + hello[0], 32).ToArray();
        var ephT = hello.AsSpan(1 + hello[0] + 32, DockKeys.PointLength).ToArray();
        var sigT = hello.AsSpan(hello.Length - DockKeys.SignatureLength).ToArray();
        var known = await terminalKey(terminalId, cancellationToken).ConfigureAwait(false);
        if (known is null)
        {
            await link.SendAsync(DockFrameType.Refused, Encoding.UTF8.GetBytes($"终端 {terminalId} 未在本区登记"), cancellationToken).ConfigureAwait(false);
            throw new DockSecurityException($"terminal {terminalId} is not provisioned by this district");
        }
        var transcript1 = Transcript(nonceH, hello.AsSpan(0, hello.Length - DockKeys.SignatureLength));
        using (var verify = DockKeys.VerifyingKey(known))
        {
            if (!verify.VerifyData(transcript1, sigT, HashAlgorithmName.SHA256))
            {
                await link.SendAsync(DockFrameType.Refused, "终端签名不符"u8.ToArray(), cancellationToken).ConfigureAwait(false);
                throw new DockSecurityException($"terminal {terminalId} signed with another key");
            }
        }
        using var ephH = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var ephHPoint = DockKeys.PublicPoint(ephH);
        var transcript2 = Concat(transcript1, sigT, ephHPoint);
        var sigH = districtKey.SignData(transcript2, HashAlgorithmName.SHA256);
        await link.SendAsync(DockFrameType.HostConfirm, Concat(ephHPoint, sigH), cancellationToken).ConfigureAwait(false);
        var (toTerminal, toHost) = Keys(ephH, ephT, nonceH, nonceT);
        return (terminalId, new SecureChannel(toTerminal, toHost, isHost: true));
    }

    /// <summary>The terminal's side: answers the host and checks that it holds the district's key.</summary>
    public static async Task<SecureChannel> TerminalAsync(DockLink link, string terminalId, ECDsa terminalKey, byte[] districtPoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(terminalKey);
        var nonceH = await ExpectAsync(link, DockFrameType.HostHello, cancellationToken).ConfigureAwait(false);
        if (nonceH.Length != 32)
        {
            throw new DockSecurityException("malformed host hello");
        }
        var id = Encoding.UTF8.GetBytes(terminalId);
        var nonceT = RandomNumberGenerator.GetBytes(32);
        using var ephT = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var unsigned = Concat([(byte)id.Length], id, nonceT, DockKeys.PublicPoint(ephT));
        var transcript1 = Transcript(nonceH, unsigned);
        var sigT = terminalKey.SignData(transcript1, HashAlgorithmName.SHA256);
        await link.SendAsync(DockFrameType.TerminalHello, Concat(unsigned, sigT), cancellationToken).ConfigureAwait(false);
        var confirm = await ExpectAsync(link, DockFrameType.HostConfirm, cancellationToken).ConfigureAwait(false);
        if (confirm.Length != DockKeys.PointLength + DockKeys.SignatureLength)
        {
            throw new DockSecurityException("malformed host confirm");
        }
        var ephH = confirm.AsSpan(0, DockKeys.PointLength).ToArray();
        using (var district = DockKeys.VerifyingKey(districtPoint))
        {
            if (!district.VerifyData(Concat(transcript1, sigT, ephH), confirm.AsSpan(DockKeys.PointLength), HashAlgorithmName.SHA256))
            {
                throw new DockSecurityException("the host does not hold this district's key: not our district's host");
            }
        }
        var (toTerminal, toHost) = Keys(ephT, ephH, nonceH, nonceT);
        return new SecureChannel(toHost, toTerminal, isHost: false);
    }

    private static async Task<byte[]> ExpectAsync(DockLink link, DockFrameType expected, CancellationToken cancellationToken)
    {
        var (type, payload) = await link.ReceiveAsync(StepTimeout, cancellationToken).ConfigureAwait(false);
        if (type == DockFrameType.Refused)
        {
            throw new DockSecurityException("refused by the other end: " + Encoding.UTF8.GetString(payload));
        }
        return type == expected ? payload : throw new DockSecurityException($"expected {expected}, got {type}");
    }

    private static (byte[] ToTerminal, byte[] ToHost) Keys(ECDiffieHellman mine, byte[] theirs, byte[] nonceH, byte[] nonceT)
    {
        using var other = DockKeys.AgreementKey(theirs);
        var shared = mine.DeriveRawSecretAgreement(other);
        var keys = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 64, Concat(nonceH, nonceT), "terminal-dock-v1"u8.ToArray());
        CryptographicOperations.ZeroMemory(shared);
        return (keys[..32], keys[32..]);
    }

    private static byte[] Transcript(byte[] nonceH, ReadOnlySpan<byte> terminalPart)
    {
        var t = new byte[Label.Length + 4 + nonceH.Length + terminalPart.Length];
        Label.CopyTo(t, 0);
        BinaryPrimitives.WriteInt32BigEndian(t.AsSpan(Label.Length), nonceH.Length);
        nonceH.CopyTo(t, Label.Length + 4);
        terminalPart.CopyTo(t.AsSpan(Label.Length + 4 + nonceH.Length));
        return t;
    }

    private static byte[] Concat(params ReadOnlySpan<byte[]> parts)
    {
        var all = new byte[parts.ToArray().Sum(p => p.Length)];
        var at = 0;
        foreach (var p in parts)
        {
            p.CopyTo(all, at);
            at += p.Length;
        }
        return all;
    }
}

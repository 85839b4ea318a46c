using System.Buffers;
using CsCheck;
using Terminal.Drivers.IdCard.Protocol;

namespace Terminal.Testing.IdCard;

/// <summary>Fuzz inputs for the frame decoder, shared by the test (10,000) and the bench (1,000,000).</summary>
public static class FrameFuzz
{
    private static readonly Gen<byte[]> ValidFrames =
        from status in Gen.OneOf(Gen.Const((byte)0x90), Gen.Const((byte)0x9F), Gen.Const((byte)0x80), Gen.Byte)
        from data in Gen.Byte.Array[0, 1400]
        select SamFrameCodec.EncodeResponse((SamStatus)status, data);

    private static readonly Gen<byte[]> Mutated =
        from frames in ValidFrames.Array[1, 3]
        from flips in Gen.Int[0, 8]
        from cut in Gen.Int[0, 100]
        from seed in Gen.Int
        select Mutate([.. frames.SelectMany(f => f)], flips, cut, seed);

    /// <summary>Random bytes, random bytes after a preamble, and mutated valid frames.</summary>
    public static readonly Gen<byte[]> Inputs = Gen.OneOf(
        Gen.Byte.Array[0, 600],
        Gen.Byte.Array[0, 600].Select(b => (byte[])[0xAA, 0xAA, 0xAA, 0x96, 0x69, .. b]),
        Mutated);

    private static byte[] Mutate(byte[] bytes, int flips, int cut, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < flips && bytes.Length > 0; i++)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        }
        return cut > 50 ? bytes : bytes[..Math.Max(0, bytes.Length - cut)];
    }

    /// <summary>Decodes frames until no progress is possible; true when only protocol errors occurred.</summary>
    public static bool DecodesSafely(byte[] input)
    {
        var buffer = new ReadOnlySequence<byte>(input);
        for (var guard = 0; guard <= input.Length + 1; guard++)
        {
            var before = buffer.Length;
            try
            {
                if (!SamFrameCodec.TryReadResponse(ref buffer, out _))
                {
                    return true;
                }
            }
            catch (SamProtocolException)
            {
                // expected for broken frames: the buffer has advanced
            }
            if (buffer.Length >= before)
            {
                return false; // no progress: would loop forever
            }
        }
        return false;
    }
}

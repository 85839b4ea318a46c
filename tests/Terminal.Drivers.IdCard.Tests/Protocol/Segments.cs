using System.Buffers;

namespace Terminal.Drivers.IdCard.Tests.Protocol;

/// <summary>Builds a multi-segment sequence, as a pipe delivers bytes in pieces.</summary>
internal sealed class Segments : ReadOnlySequenceSegment<byte>
{
    private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Of(byte[] bytes, int chunk)
    {
        if (bytes.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }
        var first = new Segments(bytes.AsMemory(0, Math.Min(chunk, bytes.Length)), 0);
        var last = first;
        for (var offset = chunk; offset < bytes.Length; offset += chunk)
        {
            var next = new Segments(bytes.AsMemory(offset, Math.Min(chunk, bytes.Length - offset)), offset);
            last.Next = next;
            last = next;
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}

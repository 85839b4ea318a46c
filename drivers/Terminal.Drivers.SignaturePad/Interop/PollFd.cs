using System.Runtime.InteropServices;

namespace Terminal.Drivers.SignaturePad.Interop;

/// <summary>struct pollfd (poll.h), 8 bytes: fd @0, events @4, revents @6.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PollFd
{
    internal const short In = 0x1;
    internal const short Error = 0x8;
    internal const short HangUp = 0x10;
    internal const short Invalid = 0x20;

    public int Fd;
    public short Events;
    public short ReturnedEvents;
}

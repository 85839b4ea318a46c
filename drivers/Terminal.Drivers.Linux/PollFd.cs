using System.Runtime.InteropServices;

namespace Terminal.Drivers.Linux;

/// <summary>struct pollfd (poll.h), 8 bytes: fd @0, events @4, revents @6.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct PollFd
{
    /// <summary>POLLIN.</summary>
    public const short In = 0x1;

    /// <summary>POLLPRI.</summary>
    public const short Priority = 0x2;

    /// <summary>POLLERR.</summary>
    public const short Error = 0x8;

    /// <summary>POLLHUP.</summary>
    public const short HangUp = 0x10;

    /// <summary>POLLNVAL.</summary>
    public const short Invalid = 0x20;

    /// <summary>The file descriptor.</summary>
    public int Fd;

    /// <summary>What to wait for.</summary>
    public short Events;

    /// <summary>What happened.</summary>
    public short ReturnedEvents;
}

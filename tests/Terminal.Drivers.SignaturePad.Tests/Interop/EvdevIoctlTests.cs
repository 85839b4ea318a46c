using Terminal.Drivers.Linux;
using System.Runtime.InteropServices;
using Terminal.Drivers.SignaturePad.Interop;

namespace Terminal.Drivers.SignaturePad.Tests.Interop;

/// <summary>
/// The evdev request numbers against the values measured with gcc on linux-libc-dev 6.1 x86_64
/// (/work/shared/reference/tools/linux-abi.c, devices.md §2); arm64 has the same asm-generic ioctl encoding.
/// </summary>
[TestClass]
public sealed class EvdevIoctlTests
{
    private static nuint Request(string name) => name switch
    {
        "EVIOCGABS(ABS_X)" => EvdevIoctl.GetAbsolute(0x00),
        "EVIOCGABS(ABS_Y)" => EvdevIoctl.GetAbsolute(0x01),
        "EVIOCGABS(ABS_PRESSURE)" => EvdevIoctl.GetAbsolute(0x18),
        "EVIOCGNAME(256)" => EvdevIoctl.GetName(256),
        "EVIOCGBIT(0,4)" => EvdevIoctl.GetBits(0, 4),
        "EVIOCGBIT(EV_ABS,8)" => EvdevIoctl.GetBits(3, 8),
        "EVIOCGBIT(EV_KEY,96)" => EvdevIoctl.GetBits(1, 96),
        "EVIOCGKEY(96)" => EvdevIoctl.GetKeyState(96),
        "EVIOCGRAB" => EvdevIoctl.Grab,
        "EVIOCSCLOCKID" => EvdevIoctl.SetClockId,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such request in the test"),
    };

    [TestMethod]
    [DataRow("EVIOCGABS(ABS_X)", 0x80184540L)]
    [DataRow("EVIOCGABS(ABS_Y)", 0x80184541L)]
    [DataRow("EVIOCGABS(ABS_PRESSURE)", 0x80184558L)]
    [DataRow("EVIOCGNAME(256)", 0x81004506L)]
    [DataRow("EVIOCGBIT(0,4)", 0x80044520L)]
    [DataRow("EVIOCGBIT(EV_ABS,8)", 0x80084523L)]
    [DataRow("EVIOCGBIT(EV_KEY,96)", 0x80604521L)]
    [DataRow("EVIOCGKEY(96)", 0x80604518L)]
    [DataRow("EVIOCGRAB", 0x40044590L)]
    [DataRow("EVIOCSCLOCKID", 0x400445A0L)]
    public void Request_Name_MatchesTheKernelHeader(string name, long measured) =>
        Assert.AreEqual((nuint)measured, Request(name), name);

    [TestMethod]
    public void SizeOf_PollFd_IsEightBytes() => Assert.AreEqual(8, Marshal.SizeOf<PollFd>());
}

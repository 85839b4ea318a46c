using System.Runtime.InteropServices;

namespace Terminal.Drivers.Linux.Tests;

/// <summary>The shared libc binding against the machine's own kernel: calls, errno, and the struct layout.</summary>
[TestClass]
public sealed unsafe class LibcTests
{
    [TestMethod]
    public void Open_MissingNode_FailsWithEnoent()
    {
        Assert.AreEqual(-1, Libc.Open("/dev/no-such-device-" + Guid.NewGuid().ToString("N"), Libc.OpenReadOnly | Libc.OpenCloseOnExec));
        Assert.AreEqual(Errno.ENOENT, Marshal.GetLastPInvokeError());
    }

    [TestMethod]
    public void ReadWritePoll_DevZeroAndNull_BehaveAsTheKernelSays()
    {
        var zero = Libc.Open("/dev/zero", Libc.OpenReadOnly | Libc.OpenCloseOnExec | Libc.OpenNonBlocking);
        var sink = Libc.Open("/dev/null", Libc.OpenWriteOnly | Libc.OpenCloseOnExec);
        Assert.IsTrue(zero >= 0 && sink >= 0, Errno.Name(Marshal.GetLastPInvokeError()));
        try
        {
            var buffer = stackalloc byte[64];
            buffer[0] = 0x5A;
            Assert.AreEqual((nint)64, Libc.Read(zero, buffer, 64));
            Assert.AreEqual(0, buffer[0], "/dev/zero reads zeros");
            Assert.AreEqual((nint)64, Libc.Write(sink, buffer, 64));
            var poll = new PollFd { Fd = zero, Events = PollFd.In };
            Assert.AreEqual(1, Libc.Poll(&poll, 1, 1000));
            Assert.AreEqual(PollFd.In, (short)(poll.ReturnedEvents & PollFd.In));
        }
        finally
        {
            Assert.AreEqual(0, Libc.Close(zero));
            Assert.AreEqual(0, Libc.Close(sink));
        }
        Assert.AreEqual(-1, Libc.Close(zero));
        Assert.AreEqual(Errno.EBADF, Marshal.GetLastPInvokeError(), "a closed descriptor");
    }

    [TestMethod]
    public void Ioctl_OnAFileThatIsNoDevice_FailsWithEnotty()
    {
        var fd = Libc.Open("/proc/self/status", Libc.OpenReadOnly | Libc.OpenCloseOnExec);
        Assert.IsGreaterThanOrEqualTo(0, fd);
        try
        {
            var argument = 0;
            Assert.AreEqual(-1, Libc.Ioctl(fd, 0x80045600u, &argument)); // VIDIOC_QUERYCAP's shape on a plain file
            Assert.AreEqual(Errno.ENOTTY, Marshal.GetLastPInvokeError());
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    [TestMethod]
    public void PollFd_Layout_IsPollHs()
    {
        Assert.AreEqual(8, sizeof(PollFd));
        Assert.AreEqual(4, (int)Marshal.OffsetOf<PollFd>(nameof(PollFd.Events)));
        Assert.AreEqual(6, (int)Marshal.OffsetOf<PollFd>(nameof(PollFd.ReturnedEvents)));
    }

    [TestMethod]
    [DataRow(Errno.ENODEV, "ENODEV")]
    [DataRow(Errno.EBUSY, "EBUSY")]
    [DataRow(Errno.ENOSPC, "ENOSPC")]
    [DataRow(999, "errno 999")]
    public void Name_Errno_IsTheSymbolOrTheNumber(int errno, string expected)
    {
        Assert.AreEqual(expected, Errno.Name(errno));
    }
}

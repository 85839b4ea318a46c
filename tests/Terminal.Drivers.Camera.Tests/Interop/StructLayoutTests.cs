using Terminal.Drivers.Linux;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Terminal.Drivers.Camera.Interop;

namespace Terminal.Drivers.Camera.Tests.Interop;

/// <summary>
/// The binding's structs and request numbers against the facts measured with gcc on linux-libc-dev 6.1 x86_64
/// (hardware-docs/camera/abi/linux-abi-x86_64.txt, from /work/shared/reference/tools/linux-abi.c and
/// hardware-docs/camera/abi/v4l2-extra.c). arm64 is LP64 with the same asm-generic ioctl encoding, so the same numbers.
/// </summary>
[TestClass]
public sealed class StructLayoutTests
{
    [TestMethod]
    [DataRow(typeof(V4l2Capability), 104)]
    [DataRow(typeof(V4l2FormatDescription), 64)]
    [DataRow(typeof(V4l2Format), 208)]
    [DataRow(typeof(V4l2RequestBuffers), 20)]
    [DataRow(typeof(V4l2Buffer), 88)]
    [DataRow(typeof(V4l2Timecode), 16)]
    [DataRow(typeof(V4l2FrameSizeEnumeration), 44)]
    [DataRow(typeof(V4l2StreamParameters), 204)]
    [DataRow(typeof(V4l2Control), 8)]
    [DataRow(typeof(PollFd), 8)]
    public void SizeOf_Struct_MatchesKernelHeader(Type type, int size)
    {
        Assert.AreEqual(size, Marshal.SizeOf(type), $"Marshal.SizeOf({type.Name})");
        var unsafeSize = (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;
        Assert.AreEqual(size, unsafeSize, $"sizeof({type.Name}) as the ioctl passes it");
    }

    [TestMethod]
    [DataRow(typeof(V4l2Capability), nameof(V4l2Capability.Driver), 0)]
    [DataRow(typeof(V4l2Capability), nameof(V4l2Capability.Card), 16)]
    [DataRow(typeof(V4l2Capability), nameof(V4l2Capability.BusInfo), 48)]
    [DataRow(typeof(V4l2Capability), nameof(V4l2Capability.Version), 80)]
    [DataRow(typeof(V4l2Capability), nameof(V4l2Capability.Capabilities), 84)]
    [DataRow(typeof(V4l2Capability), nameof(V4l2Capability.DeviceCaps), 88)]
    [DataRow(typeof(V4l2FormatDescription), nameof(V4l2FormatDescription.Flags), 8)]
    [DataRow(typeof(V4l2FormatDescription), nameof(V4l2FormatDescription.Description), 12)]
    [DataRow(typeof(V4l2FormatDescription), nameof(V4l2FormatDescription.PixelFormat), 44)]
    [DataRow(typeof(V4l2FormatDescription), nameof(V4l2FormatDescription.MbusCode), 48)]
    // v4l2_format: the union at 8 (not 4), then v4l2_pix_format's fields at 8 + their offset in it.
    [DataRow(typeof(V4l2Format), nameof(V4l2Format.Type), 0)]
    [DataRow(typeof(V4l2Format), nameof(V4l2Format.Width), 8)]
    [DataRow(typeof(V4l2Format), nameof(V4l2Format.Height), 12)]
    [DataRow(typeof(V4l2Format), nameof(V4l2Format.PixelFormat), 16)]
    [DataRow(typeof(V4l2Format), nameof(V4l2Format.Field), 20)]
    [DataRow(typeof(V4l2Format), nameof(V4l2Format.BytesPerLine), 24)]
    [DataRow(typeof(V4l2Format), nameof(V4l2Format.SizeImage), 28)]
    [DataRow(typeof(V4l2Format), nameof(V4l2Format.Colorspace), 32)]
    [DataRow(typeof(V4l2Format), nameof(V4l2Format.Flags), 40)]
    [DataRow(typeof(V4l2Format), nameof(V4l2Format.TransferFunction), 52)]
    [DataRow(typeof(V4l2RequestBuffers), nameof(V4l2RequestBuffers.Memory), 8)]
    [DataRow(typeof(V4l2RequestBuffers), nameof(V4l2RequestBuffers.Capabilities), 12)]
    [DataRow(typeof(V4l2RequestBuffers), nameof(V4l2RequestBuffers.Flags), 16)]
    // v4l2_buffer: 4 bytes of padding after field, timeval of two longs at 24, the union m at 64.
    [DataRow(typeof(V4l2Buffer), nameof(V4l2Buffer.BytesUsed), 8)]
    [DataRow(typeof(V4l2Buffer), nameof(V4l2Buffer.Flags), 12)]
    [DataRow(typeof(V4l2Buffer), nameof(V4l2Buffer.Field), 16)]
    [DataRow(typeof(V4l2Buffer), nameof(V4l2Buffer.TimestampSeconds), 24)]
    [DataRow(typeof(V4l2Buffer), nameof(V4l2Buffer.TimestampMicroseconds), 32)]
    [DataRow(typeof(V4l2Buffer), nameof(V4l2Buffer.Timecode), 40)]
    [DataRow(typeof(V4l2Buffer), nameof(V4l2Buffer.Sequence), 56)]
    [DataRow(typeof(V4l2Buffer), nameof(V4l2Buffer.Memory), 60)]
    [DataRow(typeof(V4l2Buffer), nameof(V4l2Buffer.Offset), 64)]
    [DataRow(typeof(V4l2Buffer), nameof(V4l2Buffer.Length), 72)]
    [DataRow(typeof(V4l2Buffer), nameof(V4l2Buffer.Reserved2), 76)]
    [DataRow(typeof(V4l2Buffer), nameof(V4l2Buffer.RequestFd), 80)]
    [DataRow(typeof(V4l2FrameSizeEnumeration), nameof(V4l2FrameSizeEnumeration.Type), 8)]
    [DataRow(typeof(V4l2FrameSizeEnumeration), nameof(V4l2FrameSizeEnumeration.DiscreteWidth), 12)]
    [DataRow(typeof(V4l2FrameSizeEnumeration), nameof(V4l2FrameSizeEnumeration.StepHeight), 32)]
    [DataRow(typeof(V4l2StreamParameters), nameof(V4l2StreamParameters.Capability), 4)]
    [DataRow(typeof(V4l2StreamParameters), nameof(V4l2StreamParameters.CaptureMode), 8)]
    [DataRow(typeof(V4l2StreamParameters), nameof(V4l2StreamParameters.TimePerFrameNumerator), 12)]
    [DataRow(typeof(V4l2StreamParameters), nameof(V4l2StreamParameters.ExtendedMode), 20)]
    [DataRow(typeof(V4l2StreamParameters), nameof(V4l2StreamParameters.ReadBuffers), 24)]
    [DataRow(typeof(PollFd), nameof(PollFd.Events), 4)]
    [DataRow(typeof(PollFd), nameof(PollFd.ReturnedEvents), 6)]
    public void OffsetOf_Field_MatchesKernelHeader(Type type, string field, int offset) =>
        Assert.AreEqual(offset, (int)Marshal.OffsetOf(type, field), $"{type.Name}.{field}");

    [TestMethod]
    [DataRow(V4l2Request.QueryCapabilities, 0x80685600u)]
    [DataRow(V4l2Request.EnumerateFormat, 0xC0405602u)]
    [DataRow(V4l2Request.GetFormat, 0xC0D05604u)]
    [DataRow(V4l2Request.SetFormat, 0xC0D05605u)]
    [DataRow(V4l2Request.RequestBuffers, 0xC0145608u)]
    [DataRow(V4l2Request.QueryBuffer, 0xC0585609u)]
    [DataRow(V4l2Request.QueueBuffer, 0xC058560Fu)]
    [DataRow(V4l2Request.DequeueBuffer, 0xC0585611u)]
    [DataRow(V4l2Request.StreamOn, 0x40045612u)]
    [DataRow(V4l2Request.StreamOff, 0x40045613u)]
    [DataRow(V4l2Request.GetStreamParameters, 0xC0CC5615u)]
    [DataRow(V4l2Request.SetStreamParameters, 0xC0CC5616u)]
    [DataRow(V4l2Request.GetControl, 0xC008561Bu)]
    [DataRow(V4l2Request.SetControl, 0xC008561Cu)]
    [DataRow(V4l2Request.EnumerateFrameSizes, 0xC02C564Au)]
    public void Request_Constant_EqualsMeasuredValue(uint constant, uint measured) => Assert.AreEqual(measured, constant);

    [TestMethod]
    public void Request_RebuiltFromStructSizes_EqualsConstant()
    {
        const uint ReadWrite = V4l2Request.Read | V4l2Request.Write;
        Assert.AreEqual(V4l2Request.QueryCapabilities, V4l2Request.Encode(V4l2Request.Read, 'V', 0, Marshal.SizeOf<V4l2Capability>()));
        Assert.AreEqual(V4l2Request.EnumerateFormat, V4l2Request.Encode(ReadWrite, 'V', 2, Marshal.SizeOf<V4l2FormatDescription>()));
        Assert.AreEqual(V4l2Request.GetFormat, V4l2Request.Encode(ReadWrite, 'V', 4, Marshal.SizeOf<V4l2Format>()));
        Assert.AreEqual(V4l2Request.SetFormat, V4l2Request.Encode(ReadWrite, 'V', 5, Marshal.SizeOf<V4l2Format>()));
        Assert.AreEqual(V4l2Request.RequestBuffers, V4l2Request.Encode(ReadWrite, 'V', 8, Marshal.SizeOf<V4l2RequestBuffers>()));
        Assert.AreEqual(V4l2Request.QueryBuffer, V4l2Request.Encode(ReadWrite, 'V', 9, Marshal.SizeOf<V4l2Buffer>()));
        Assert.AreEqual(V4l2Request.QueueBuffer, V4l2Request.Encode(ReadWrite, 'V', 15, Marshal.SizeOf<V4l2Buffer>()));
        Assert.AreEqual(V4l2Request.DequeueBuffer, V4l2Request.Encode(ReadWrite, 'V', 17, Marshal.SizeOf<V4l2Buffer>()));
        Assert.AreEqual(V4l2Request.StreamOn, V4l2Request.Encode(V4l2Request.Write, 'V', 18, sizeof(int)));
        Assert.AreEqual(V4l2Request.StreamOff, V4l2Request.Encode(V4l2Request.Write, 'V', 19, sizeof(int)));
        Assert.AreEqual(V4l2Request.GetStreamParameters, V4l2Request.Encode(ReadWrite, 'V', 21, Marshal.SizeOf<V4l2StreamParameters>()));
        Assert.AreEqual(V4l2Request.SetStreamParameters, V4l2Request.Encode(ReadWrite, 'V', 22, Marshal.SizeOf<V4l2StreamParameters>()));
        Assert.AreEqual(V4l2Request.GetControl, V4l2Request.Encode(ReadWrite, 'V', 27, Marshal.SizeOf<V4l2Control>()));
        Assert.AreEqual(V4l2Request.SetControl, V4l2Request.Encode(ReadWrite, 'V', 28, Marshal.SizeOf<V4l2Control>()));
        Assert.AreEqual(V4l2Request.EnumerateFrameSizes, V4l2Request.Encode(ReadWrite, 'V', 74, Marshal.SizeOf<V4l2FrameSizeEnumeration>()));
    }

    [TestMethod]
    [DataRow("V4L2_BUF_TYPE_VIDEO_CAPTURE", V4l2.BufferTypeVideoCapture, 1u)]
    [DataRow("V4L2_MEMORY_MMAP", V4l2.MemoryMmap, 1u)]
    [DataRow("V4L2_CAP_VIDEO_CAPTURE", V4l2.CapVideoCapture, 0x1u)]
    [DataRow("V4L2_CAP_STREAMING", V4l2.CapStreaming, 0x04000000u)]
    [DataRow("V4L2_CAP_DEVICE_CAPS", V4l2.CapDeviceCaps, 0x80000000u)]
    [DataRow("V4L2_CAP_TIMEPERFRAME", V4l2.CapTimePerFrame, 0x1000u)]
    [DataRow("V4L2_BUF_FLAG_ERROR", V4l2.BufferFlagError, 0x40u)]
    [DataRow("V4L2_FMT_FLAG_COMPRESSED", V4l2.FormatFlagCompressed, 0x1u)]
    [DataRow("V4L2_FRMSIZE_TYPE_DISCRETE", V4l2.FrameSizeDiscrete, 1u)]
    [DataRow("V4L2_FRMSIZE_TYPE_STEPWISE", V4l2.FrameSizeStepwise, 3u)]
    [DataRow("O_RDWR", (uint)Libc.OpenReadWrite, 0x2u)]
    [DataRow("O_NONBLOCK", (uint)Libc.OpenNonBlocking, 0x800u)]
    [DataRow("O_CLOEXEC", (uint)Libc.OpenCloseOnExec, 0x80000u)]
    [DataRow("ENODEV", (uint)Errno.ENODEV, 19u)]
    [DataRow("EBUSY", (uint)Errno.EBUSY, 16u)]
    [DataRow("EAGAIN", (uint)Errno.EAGAIN, 11u)]
    public void Constant_MatchesKernelHeader(string name, uint constant, uint measured) => Assert.AreEqual(measured, constant, name);
}

using Terminal.Drivers.Linux;
using Terminal.Drivers.Camera.Interop;

namespace Terminal.Drivers.Camera.Capture;

public sealed unsafe partial class V4l2Camera
{
    /// <summary>The negotiated format, or null before <see cref="SetFormat"/>.</summary>
    public CameraFormat? Format { get; private set; }

    /// <summary>The pixel formats the device offers, in its order (VIDIOC_ENUM_FMT until EINVAL).</summary>
    public IReadOnlyList<PixelFormatInfo> ListPixelFormats()
    {
        var formats = new List<PixelFormatInfo>();
        for (uint index = 0; index < 64; index++)
        {
            var description = new V4l2FormatDescription { Index = index, Type = V4l2.BufferTypeVideoCapture };
            var errno = TryIoctl(OpenFd, V4l2Request.EnumerateFormat, &description);
            if (errno == Errno.EINVAL)
            {
                break;
            }
            if (errno != 0)
            {
                throw CameraException.FromErrno(CameraOperation.Enumerate, errno, "VIDIOC_ENUM_FMT", DevicePath);
            }
            formats.Add(new PixelFormatInfo(
                new FourCc(description.PixelFormat),
                CString(description.Description, 32),
                (description.Flags & V4l2.FormatFlagCompressed) != 0,
                (description.Flags & V4l2.FormatFlagEmulated) != 0));
        }
        return formats;
    }

    /// <summary>
    /// The frame sizes the device offers for <paramref name="format"/> (VIDIOC_ENUM_FRAMESIZES): every discrete size,
    /// or for a stepwise/continuous range its smallest and largest sizes. Empty when the driver does not enumerate.
    /// </summary>
    public IReadOnlyList<FrameSize> ListFrameSizes(FourCc format)
    {
        var sizes = new List<FrameSize>();
        for (uint index = 0; index < 256; index++)
        {
            var size = new V4l2FrameSizeEnumeration { Index = index, PixelFormat = format.Value };
            var errno = TryIoctl(OpenFd, V4l2Request.EnumerateFrameSizes, &size);
            if (errno is Errno.EINVAL or Errno.ENOTTY)
            {
                break;
            }
            if (errno != 0)
            {
                throw CameraException.FromErrno(CameraOperation.Enumerate, errno, "VIDIOC_ENUM_FRAMESIZES", DevicePath);
            }
            if (size.Type == V4l2.FrameSizeDiscrete)
            {
                sizes.Add(new FrameSize((int)size.DiscreteWidth, (int)size.DiscreteHeight));
                continue;
            }
            sizes.Add(new FrameSize((int)size.MinWidth, (int)size.MinHeight));
            sizes.Add(new FrameSize((int)size.MaxWidth, (int)size.MaxHeight));
            break;
        }
        return sizes;
    }

    /// <summary>
    /// Asks for <paramref name="format"/> at <paramref name="width"/>×<paramref name="height"/> (VIDIOC_S_FMT) and
    /// returns what the driver set: it may pick the nearest size it has, but a different pixel format is a refusal
    /// (<see cref="CameraError.FormatRefused"/>). Busy when another handle is streaming. Not while streaming.
    /// </summary>
    public CameraFormat SetFormat(FourCc format, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (IsStreaming)
        {
            throw new InvalidOperationException("stop streaming before changing the format");
        }
        var requested = new V4l2Format
        {
            Type = V4l2.BufferTypeVideoCapture,
            Width = (uint)width,
            Height = (uint)height,
            PixelFormat = format.Value,
            Field = V4l2.FieldAny,
        };
        Ioctl(CameraOperation.SetFormat, V4l2Request.SetFormat, &requested, "VIDIOC_S_FMT");
        if (requested.PixelFormat != format.Value)
        {
            throw new CameraException(CameraError.FormatRefused,
                $"VIDIOC_S_FMT on {DevicePath}: asked for {format}, the driver set {new FourCc(requested.PixelFormat)}");
        }
        Format = new CameraFormat(format, (int)requested.Width, (int)requested.Height, (int)requested.BytesPerLine, (int)requested.SizeImage);
        return Format;
    }

    /// <summary>
    /// Picks the format for <paramref name="options"/>: MJPEG (or JPEG) when offered, else YUYV, at the offered size
    /// nearest the one asked for, and sets it. <see cref="CameraError.FormatRefused"/> when neither is offered.
    /// </summary>
    public CameraFormat Negotiate(CameraOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var offered = ListPixelFormats();
        var choice = FormatChoice.Choose(offered, options.PreferYuyv);
        if (choice is not { } format)
        {
            throw new CameraException(CameraError.FormatRefused,
                $"{DevicePath} offers {string.Join(", ", offered.Select(f => f.Format))}: no MJPEG, JPEG or YUYV");
        }
        var size = FormatChoice.NearestSize(ListFrameSizes(format), new FrameSize(options.Width, options.Height));
        return SetFormat(format, size.Width, size.Height);
    }

    /// <summary>
    /// Asks for <paramref name="framesPerSecond"/> (VIDIOC_S_PARM) when the driver lets the frame interval be set;
    /// returns the rate it set, or null when it cannot be set (the device's own rate applies).
    /// </summary>
    public double? TrySetFrameRate(int framesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerSecond);
        var parameters = new V4l2StreamParameters { Type = V4l2.BufferTypeVideoCapture };
        if (TryIoctl(OpenFd, V4l2Request.GetStreamParameters, &parameters) != 0 || (parameters.Capability & V4l2.CapTimePerFrame) == 0)
        {
            return null;
        }
        parameters.TimePerFrameNumerator = 1;
        parameters.TimePerFrameDenominator = (uint)framesPerSecond;
        if (TryIoctl(OpenFd, V4l2Request.SetStreamParameters, &parameters) != 0 || parameters.TimePerFrameNumerator == 0)
        {
            return null;
        }
        return (double)parameters.TimePerFrameDenominator / parameters.TimePerFrameNumerator;
    }

    private int OpenFd
    {
        get
        {
            ObjectDisposedException.ThrowIf(_fd < 0, this);
            return _fd;
        }
    }
}

using Terminal.Drivers.Linux;
using System.Globalization;
using Terminal.Drivers.Camera.Interop;

namespace Terminal.Drivers.Camera.Capture;

/// <summary>
/// A V4L2 call failed. <see cref="Exception.Message"/> is the Chinese text for the field worker; <see cref="Detail"/>
/// names the call and errno for the technician's log.
/// </summary>
public sealed class CameraException : IOException
{
    /// <summary>Creates the exception for an error, with the technical detail.</summary>
    public CameraException(CameraError error, string detail)
        : base(CameraErrorText.For(error))
    {
        Error = error;
        Detail = detail;
    }

    /// <summary>Creates the exception.</summary>
    public CameraException() : this(CameraError.DeviceError, "")
    {
    }

    /// <summary>Creates the exception with a message of its own.</summary>
    public CameraException(string message) : base(message)
    {
        Error = CameraError.DeviceError;
        Detail = message;
    }

    /// <summary>Creates the exception with a message of its own and its cause.</summary>
    public CameraException(string message, Exception innerException) : base(message, innerException)
    {
        Error = CameraError.DeviceError;
        Detail = message;
    }

    /// <summary>What went wrong, in the terms the caller acts on.</summary>
    public CameraError Error { get; }

    /// <summary>The failed call and errno, e.g. "VIDIOC_S_FMT on /dev/video0: EBUSY".</summary>
    public string Detail { get; }

    /// <summary>The exception for a failed call: its errno mapped by <see cref="CameraErrno.Classify"/>.</summary>
    internal static CameraException FromErrno(CameraOperation operation, int errno, string call, string devicePath) =>
        new(CameraErrno.Classify(operation, errno),
            string.Create(CultureInfo.InvariantCulture, $"{call} on {devicePath}: {Errno.Name(errno)}"));
}

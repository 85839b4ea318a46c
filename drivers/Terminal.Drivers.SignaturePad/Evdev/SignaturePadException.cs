using Terminal.Drivers.Linux;
using System.Globalization;
using Terminal.Drivers.SignaturePad.Interop;

namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>
/// An evdev call failed. <see cref="Exception.Message"/> is the Chinese text for the field worker; <see cref="Detail"/>
/// names the call and errno for the technician's log.
/// </summary>
public sealed class SignaturePadException : IOException
{
    /// <summary>Creates the exception for an error, with the technical detail.</summary>
    public SignaturePadException(SignaturePadError error, string detail)
        : base(SignaturePadErrorText.For(error))
    {
        Error = error;
        Detail = detail;
    }

    /// <summary>Creates the exception.</summary>
    public SignaturePadException() : this(SignaturePadError.DeviceError, "")
    {
    }

    /// <summary>Creates the exception with a message of its own.</summary>
    public SignaturePadException(string message) : base(message)
    {
        Error = SignaturePadError.DeviceError;
        Detail = message;
    }

    /// <summary>Creates the exception with a message of its own and its cause.</summary>
    public SignaturePadException(string message, Exception innerException) : base(message, innerException)
    {
        Error = SignaturePadError.DeviceError;
        Detail = message;
    }

    /// <summary>What went wrong, in the terms the caller acts on.</summary>
    public SignaturePadError Error { get; }

    /// <summary>The failed call and errno, e.g. "read on /dev/input/event3: ENODEV".</summary>
    public string Detail { get; }

    /// <summary>The exception for a failed call: its errno mapped by <see cref="SignaturePadErrno.Classify"/>.</summary>
    internal static SignaturePadException FromErrno(PadOperation operation, int errno, string call, string devicePath) =>
        new(SignaturePadErrno.Classify(operation, errno),
            string.Create(CultureInfo.InvariantCulture, $"{call} on {devicePath}: {Errno.Name(errno)}"));
}

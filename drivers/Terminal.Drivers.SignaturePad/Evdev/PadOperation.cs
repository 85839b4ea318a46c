namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>The step of the evdev sequence that failed; it decides what an errno value means.</summary>
internal enum PadOperation
{
    /// <summary>open(2) of the device node.</summary>
    Open,

    /// <summary>EVIOCGBIT / EVIOCGNAME / EVIOCGABS / EVIOCSCLOCKID on a fresh fd.</summary>
    Query,

    /// <summary>EVIOCGRAB.</summary>
    Grab,

    /// <summary>poll(2), read(2), and the state read after SYN_DROPPED.</summary>
    Read,
}

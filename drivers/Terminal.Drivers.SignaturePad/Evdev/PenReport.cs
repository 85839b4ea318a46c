using Terminal.Drivers.SignaturePad.Strokes;

namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>One pen sample (a SYN_REPORT frame, scaled) with the kernel's timestamp of that frame in microseconds.</summary>
public readonly record struct PenReport(PenSample Sample, long TimestampMicroseconds);

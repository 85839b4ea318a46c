namespace Terminal.Drivers.SignaturePad.Evdev;

/// <summary>
/// Groups evdev events into pen samples (pure: events in, reports out, no I/O). Each EV_ABS / EV_KEY event updates
/// the pen's state; SYN_REPORT ends a frame and gives one <see cref="PenReport"/> when the frame changed anything.
/// SYN_DROPPED (the kernel's queue for this reader overflowed) follows the kernel's rule
/// (Documentation/input/event-codes.rst): every event up to and including the next SYN_REPORT is discarded, then
/// <see cref="NeedsResync"/> asks the transport to read the device's state (EVIOCGABS, EVIOCGKEY) into
/// <see cref="Resync"/>.
/// </summary>
public sealed class PenReportAssembler
{
    private readonly PenAxes _axes;
    private int _x;
    private int _y;
    private int _pressure;
    private bool _touch;
    private bool _pen;
    private bool _rubber;
    private bool _stylus;
    private bool _changed;
    private bool _dropping;
    private long _dropEndedAt;

    /// <summary>An assembler starting from the axes' current values (as EVIOCGABS read them) with no button held.</summary>
    public PenReportAssembler(PenAxes axes)
    {
        _axes = axes ?? throw new ArgumentNullException(nameof(axes));
        _x = axes.X.Value;
        _y = axes.Y.Value;
        _pressure = axes.Pressure?.Value ?? 0;
    }

    /// <summary>True after a run of dropped events ended: the state must be read from the device (<see cref="Resync"/>).</summary>
    public bool NeedsResync { get; private set; }

    /// <summary>How many runs of events the kernel dropped (SYN_DROPPED … SYN_REPORT) since the start.</summary>
    public int DroppedRuns { get; private set; }

    /// <summary>Takes one event; true with a report when it was the SYN_REPORT ending a frame that changed the pen.</summary>
    public bool TryAdd(in InputEvent inputEvent, out PenReport report)
    {
        report = default;
        if (_dropping)
        {
            if (inputEvent is { Type: InputCodes.EV_SYN, Code: InputCodes.SYN_REPORT })
            {
                _dropping = false;
                NeedsResync = true;
                DroppedRuns++;
                _dropEndedAt = inputEvent.TimestampMicroseconds;
            }
            return false;
        }
        switch (inputEvent.Type)
        {
            case InputCodes.EV_SYN when inputEvent.Code == InputCodes.SYN_DROPPED:
                _dropping = true;
                _changed = false;
                return false;
            case InputCodes.EV_SYN when inputEvent.Code == InputCodes.SYN_REPORT:
                if (!_changed)
                {
                    return false;
                }
                _changed = false;
                report = new PenReport(Sample(), inputEvent.TimestampMicroseconds);
                return true;
            case InputCodes.EV_ABS:
                _changed |= inputEvent.Code switch
                {
                    InputCodes.ABS_X => Set(ref _x, inputEvent.Value),
                    InputCodes.ABS_Y => Set(ref _y, inputEvent.Value),
                    InputCodes.ABS_PRESSURE => Set(ref _pressure, inputEvent.Value),
                    _ => false,
                };
                return false;
            case InputCodes.EV_KEY:
                var down = inputEvent.Value != 0; // 2 is autorepeat: still held
                _changed |= inputEvent.Code switch
                {
                    InputCodes.BTN_TOUCH => Set(ref _touch, down),
                    InputCodes.BTN_TOOL_PEN => Set(ref _pen, down),
                    InputCodes.BTN_TOOL_RUBBER => Set(ref _rubber, down),
                    InputCodes.BTN_STYLUS => Set(ref _stylus, down),
                    _ => false,
                };
                return false;
            default:
                return false; // EV_MSC (scan codes, serial numbers) and the rest carry nothing for the ink
        }
    }

    /// <summary>
    /// Takes the device's state read after a drop (raw axis values; <paramref name="keyState"/> is EVIOCGKEY's bitmask)
    /// and gives it as a report, stamped with the SYN_REPORT that ended the drop.
    /// </summary>
    public PenReport Resync(int x, int y, int pressure, ReadOnlySpan<byte> keyState)
    {
        _x = x;
        _y = y;
        _pressure = pressure;
        _touch = InputCodes.HasBit(keyState, InputCodes.BTN_TOUCH);
        _pen = InputCodes.HasBit(keyState, InputCodes.BTN_TOOL_PEN);
        _rubber = InputCodes.HasBit(keyState, InputCodes.BTN_TOOL_RUBBER);
        _stylus = InputCodes.HasBit(keyState, InputCodes.BTN_STYLUS);
        _changed = false;
        NeedsResync = false;
        return new PenReport(Sample(), _dropEndedAt);
    }

    private Strokes.PenSample Sample() => _axes.Scale(_x, _y, _pressure, _touch, _pen, _rubber, _stylus);

    private static bool Set<T>(ref T field, T value)
        where T : IEquatable<T>
    {
        if (field.Equals(value))
        {
            return false;
        }
        field = value;
        return true;
    }
}

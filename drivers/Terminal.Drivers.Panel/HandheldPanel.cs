using System.Device.Gpio;

namespace Terminal.Drivers.Panel;

/// <summary>
/// The panel on a <see cref="GpioController"/>: raises <see cref="KeyPressed"/> once per press (debounced),
/// <see cref="DockChanged"/> when the terminal is put in or taken out of its dock, and drives the LEDs and buzzer.
/// </summary>
public sealed class HandheldPanel : IDisposable
{
    private readonly GpioController _gpio;
    private readonly bool _ownsController;
    private readonly PanelOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<int, DateTimeOffset> _lastEdge = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>The panel on <paramref name="gpio"/> (disposed with the panel when <paramref name="ownsController"/>).</summary>
    public HandheldPanel(GpioController gpio, PanelOptions options, bool ownsController = true, TimeProvider? time = null)
    {
        _gpio = gpio ?? throw new ArgumentNullException(nameof(gpio));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _ownsController = ownsController;
        _time = time ?? TimeProvider.System;
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("；", problems), nameof(options));
        }
        try
        {
            foreach (var input in new[] { options.ScanKey, options.ConfirmKey, options.DockDetect })
            {
                _gpio.OpenPin(input, _gpio.IsPinModeSupported(input, PinMode.InputPullUp) ? PinMode.InputPullUp : PinMode.Input);
                _gpio.RegisterCallbackForPinValueChangedEvent(input, PinEventTypes.Falling | PinEventTypes.Rising, OnEdge);
            }
            foreach (var output in new[] { options.ReadyLed, options.BusyLed, options.ErrorLed, options.Buzzer })
            {
                _gpio.OpenPin(output, PinMode.Output);
                _gpio.Write(output, PinValue.Low);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>A key was pressed.</summary>
    public event EventHandler<PanelKey>? KeyPressed;

    /// <summary>The terminal was docked (true) or undocked (false).</summary>
    public event EventHandler<bool>? DockChanged;

    /// <summary>True while the terminal sits in its dock.</summary>
    public bool IsDocked => _gpio.Read(_options.DockDetect) == PinValue.Low;

    /// <summary>Turns an LED on or off.</summary>
    public void SetLed(PanelLed led, bool on) => _gpio.Write(led switch
    {
        PanelLed.Ready => _options.ReadyLed,
        PanelLed.Busy => _options.BusyLed,
        _ => _options.ErrorLed,
    }, on ? PinValue.High : PinValue.Low);

    /// <summary>Sounds the buzzer <paramref name="count"/> times for <paramref name="length"/> each.</summary>
    public async Task BeepAsync(TimeSpan length, int count = 1, CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            _gpio.Write(_options.Buzzer, PinValue.High);
            try
            {
                await Task.Delay(length, _time, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gpio.Write(_options.Buzzer, PinValue.Low);
            }
            if (i + 1 < count)
            {
                await Task.Delay(length, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void OnEdge(object sender, PinValueChangedEventArgs e)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_lastEdge.TryGetValue(e.PinNumber, out var last) && now - last < _options.Debounce)
            {
                return;
            }
            _lastEdge[e.PinNumber] = now;
        }
        if (e.PinNumber == _options.DockDetect)
        {
            DockChanged?.Invoke(this, e.ChangeType == PinEventTypes.Falling);
        }
        else if (e.ChangeType == PinEventTypes.Falling)
        {
            KeyPressed?.Invoke(this, e.PinNumber == _options.ScanKey ? PanelKey.Scan : PanelKey.Confirm);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_ownsController)
        {
            _gpio.Dispose();
        }
    }
}

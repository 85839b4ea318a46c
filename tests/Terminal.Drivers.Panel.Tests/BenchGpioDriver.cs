using System.Device.Gpio;

namespace Terminal.Drivers.Panel.Tests;

/// <summary>
/// A GPIO chip on the bench, behind System.Device.Gpio's own driver abstraction (the kernels here build neither
/// gpio-sim nor gpio-mockup, so the panel is tested through the library's seam): lines hold levels, the test
/// drives inputs as a finger or the dock would, and edges reach the library's callbacks.
/// </summary>
internal sealed class BenchGpioDriver : GpioDriver
{
    private readonly Dictionary<int, PinValue> _levels = [];
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, (PinEventTypes Types, PinChangeEventHandler Handler)> _callbacks = [];

    protected override int PinCount => 64;

    public PinValue Level(int pin) => _levels.GetValueOrDefault(pin, PinValue.High);

    /// <summary>Drives an input line and raises the edge like the kernel would.</summary>
    public void Drive(int pin, PinValue value)
    {
        var before = Level(pin);
        _levels[pin] = value;
        if (before != value && _callbacks.TryGetValue(pin, out var cb))
        {
            var edge = value == PinValue.Low ? PinEventTypes.Falling : PinEventTypes.Rising;
            if ((cb.Types & edge) != 0)
            {
                cb.Handler(this, new PinValueChangedEventArgs(edge, pin));
            }
        }
    }

    protected override void OpenPin(int pinNumber) => _levels.TryAdd(pinNumber, PinValue.High);
    protected override void ClosePin(int pinNumber) => _modes.Remove(pinNumber);
    protected override void SetPinMode(int pinNumber, PinMode mode) => _modes[pinNumber] = mode;
    protected override PinMode GetPinMode(int pinNumber) => _modes.GetValueOrDefault(pinNumber, PinMode.Input);
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => mode is PinMode.Input or PinMode.InputPullUp or PinMode.Output;
    protected override PinValue Read(int pinNumber) => Level(pinNumber);
    protected override void Write(int pinNumber, PinValue value) => _levels[pinNumber] = value;
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) => throw new NotSupportedException();
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) => _callbacks[pinNumber] = (eventTypes, callback);
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) => _callbacks.Remove(pinNumber);
}

using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace Terminal.Drivers.Panel.Tests;

[TestClass]
public sealed class HandheldPanelTests
{
    private static (HandheldPanel Panel, BenchGpioDriver Chip, FakeTimeProvider Time) Start(PanelOptions? options = null)
    {
        var chip = new BenchGpioDriver();
        var time = new FakeTimeProvider(new DateTimeOffset(2018, 11, 5, 9, 0, 0, TimeSpan.Zero));
        return (new HandheldPanel(new GpioController(chip), options ?? new PanelOptions(), time: time), chip, time);
    }

    [TestMethod]
    public void KeyPress_GivesOneEventEvenWithContactBounce()
    {
        var (panel, chip, time) = Start();
        using (panel)
        {
            var keys = new List<PanelKey>();
            panel.KeyPressed += (_, k) => keys.Add(k);
            var o = new PanelOptions();
            chip.Drive(o.ScanKey, PinValue.Low);
            time.Advance(TimeSpan.FromMilliseconds(3));
            chip.Drive(o.ScanKey, PinValue.High); // bounce
            time.Advance(TimeSpan.FromMilliseconds(3));
            chip.Drive(o.ScanKey, PinValue.Low);
            time.Advance(TimeSpan.FromMilliseconds(200));
            chip.Drive(o.ScanKey, PinValue.High);
            time.Advance(TimeSpan.FromMilliseconds(200));
            chip.Drive(o.ConfirmKey, PinValue.Low);
            CollectionAssert.AreEqual(new[] { PanelKey.Scan, PanelKey.Confirm }, keys);
        }
    }

    [TestMethod]
    public void DockDetect_ReportsDockingAndUndocking()
    {
        var (panel, chip, time) = Start();
        using (panel)
        {
            var docked = new List<bool>();
            panel.DockChanged += (_, d) => docked.Add(d);
            var o = new PanelOptions();
            Assert.IsFalse(panel.IsDocked);
            chip.Drive(o.DockDetect, PinValue.Low);
            Assert.IsTrue(panel.IsDocked);
            time.Advance(TimeSpan.FromSeconds(5));
            chip.Drive(o.DockDetect, PinValue.High);
            CollectionAssert.AreEqual(new[] { true, false }, docked);
        }
    }

    [TestMethod]
    public async Task LedsAndBuzzer_DriveTheirLines()
    {
        var chip = new BenchGpioDriver();
        using var panel = new HandheldPanel(new GpioController(chip), new PanelOptions { Debounce = TimeSpan.Zero });
        var o = new PanelOptions();
        Assert.AreEqual(PinValue.Low, chip.Level(o.ReadyLed), "outputs start off");
        panel.SetLed(PanelLed.Ready, true);
        panel.SetLed(PanelLed.Error, true);
        panel.SetLed(PanelLed.Error, false);
        Assert.AreEqual(PinValue.High, chip.Level(o.ReadyLed));
        Assert.AreEqual(PinValue.Low, chip.Level(o.ErrorLed));
        await panel.BeepAsync(TimeSpan.FromMilliseconds(5), count: 2);
        Assert.AreEqual(PinValue.Low, chip.Level(o.Buzzer), "the buzzer is silent afterwards");
    }

    [TestMethod]
    public void Options_LineUsedTwice_IsRefusedInChinese()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => Start(new PanelOptions { ConfirmKey = 17 }));
        StringAssert.Contains(e.Message, "GPIO 17 被重复使用");
    }
}

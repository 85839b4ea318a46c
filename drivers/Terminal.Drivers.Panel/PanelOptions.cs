namespace Terminal.Drivers.Panel;

/// <summary>
/// GPIO line numbers of the panel (section "Panel" of the terminal's appsettings; the reference handheld's
/// wiring is in hardware-docs/panel). Keys and dock-detect are inputs with pull-ups, active low; LEDs and the
/// buzzer are outputs, active high.
/// </summary>
public sealed class PanelOptions
{
    /// <summary>The scan key (读卡/拍照 trigger).</summary>
    public int ScanKey { get; set; } = 17;

    /// <summary>The confirm key.</summary>
    public int ConfirmKey { get; set; } = 27;

    /// <summary>Green LED: ready.</summary>
    public int ReadyLed { get; set; } = 5;

    /// <summary>Amber LED: busy (reading, docking).</summary>
    public int BusyLed { get; set; } = 6;

    /// <summary>Red LED: attention.</summary>
    public int ErrorLed { get; set; } = 13;

    /// <summary>The buzzer (active, driven high to sound).</summary>
    public int Buzzer { get; set; } = 19;

    /// <summary>Low while the terminal sits in its dock (the cradle pulls the line down).</summary>
    public int DockDetect { get; set; } = 26;

    /// <summary>Edges closer together than this on a key are contact bounce and ignored.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Checks that no line is used twice; returns Chinese reasons.</summary>
    public IReadOnlyList<string> Validate()
    {
        var lines = new[] { ScanKey, ConfirmKey, ReadyLed, BusyLed, ErrorLed, Buzzer, DockDetect };
        var problems = new List<string>();
        if (lines.Any(l => l < 0))
        {
            problems.Add("面板GPIO编号不能为负数");
        }
        foreach (var twice in lines.GroupBy(l => l).Where(g => g.Count() > 1))
        {
            problems.Add($"面板GPIO {twice.Key} 被重复使用：请技术人员核对 Panel 配置");
        }
        return problems;
    }
}

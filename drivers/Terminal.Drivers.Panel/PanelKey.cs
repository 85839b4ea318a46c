namespace Terminal.Drivers.Panel;

/// <summary>The panel's keys.</summary>
public enum PanelKey
{
    /// <summary>The scan key.</summary>
    Scan,
    /// <summary>The confirm key.</summary>
    Confirm,
}

/// <summary>The panel's LEDs.</summary>
public enum PanelLed
{
    /// <summary>Green.</summary>
    Ready,
    /// <summary>Amber.</summary>
    Busy,
    /// <summary>Red.</summary>
    Error,
}

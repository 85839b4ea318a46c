namespace Terminal.Storage.Network;

/// <summary>Where the network guard looks and which interfaces may be up (configuration section "NetworkGuard").</summary>
public sealed record NetworkGuardOptions
{
    /// <summary>The kernel's interface folder (tests point it at a fake folder).</summary>
    public string InterfacesFolder { get; init; } = "/sys/class/net";

    /// <summary>Interfaces allowed up besides loopback: the USB gadget of the dock cable.</summary>
    public IReadOnlyList<string> AllowedInterfaces { get; init; } = ["usb0"];
}

namespace Terminal.Drivers.SignaturePad.Tests.Kernel;

/// <summary>
/// The guard of the Kernel-category tests. They run inside the kernel rig's guest (tests/rig/kernel-tier.sh), which
/// sets TERMINAL_KERNEL_RIG=1 and loads uinput and evdev; anywhere else they fail saying so, never skip. The lead's
/// ./test leaves them out on the host (--filter TestCategory!=Kernel) and runs them through the rig.
/// </summary>
internal static class KernelRig
{
    /// <summary>Set to 1 by the rig's guest script.</summary>
    internal const string Variable = "TERMINAL_KERNEL_RIG";

    /// <summary>The node through which the tests create their virtual pen tablets.</summary>
    internal const string Uinput = "/dev/uinput";

    /// <summary>Fails the test unless it runs in the rig's guest with /dev/uinput present.</summary>
    internal static void Require()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Assert.Fail($"needs the kernel rig (tests/rig/kernel-tier.sh): no {Uinput}");
        }
        if (!File.Exists(Uinput))
        {
            Assert.Fail($"the kernel rig's guest has no {Uinput}: uinput did not load (see kernel-guest.log in the results)");
        }
    }
}

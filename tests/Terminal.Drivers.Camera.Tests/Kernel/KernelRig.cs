namespace Terminal.Drivers.Camera.Tests.Kernel;

/// <summary>
/// The guard of the Kernel-category tests. They run inside the kernel rig's guest (tests/rig/kernel-tier.sh), which
/// sets TERMINAL_KERNEL_RIG=1 and loads vivid; anywhere else they fail saying so, never skip. The lead's ./test
/// leaves them out on the host (--filter TestCategory!=Kernel) and runs them through the rig.
/// </summary>
internal static class KernelRig
{
    /// <summary>Set to 1 by the rig's guest script.</summary>
    internal const string Variable = "TERMINAL_KERNEL_RIG";

    /// <summary>vivid's first webcam: the tests' camera.</summary>
    internal const string Camera = "/dev/video0";

    /// <summary>vivid's second webcam: the one the unplug test disconnects (it stays gone until vivid is reloaded).</summary>
    internal const string UnpluggableCamera = "/dev/video1";

    /// <summary>vivid's "Disconnect" button control (VIVID_CID_VIVID_BASE + 65, drivers/media/test-drivers/vivid/vivid-ctrls.c).</summary>
    internal const uint VividDisconnect = 0x00F0F000 + 65;

    /// <summary>vivid's "Inject V4L2_BUF_FLAG_ERROR" button: the next dequeued buffer is flagged damaged.</summary>
    internal const uint VividDequeueError = 0x00F0F000 + 66;

    /// <summary>Fails the test unless it runs in the rig's guest with <paramref name="node"/> present.</summary>
    internal static void Require(string node = Camera)
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Assert.Fail($"needs the kernel rig (tests/rig/kernel-tier.sh): no {node}");
        }
        if (!File.Exists(node))
        {
            Assert.Fail($"the kernel rig's guest has no {node}: vivid did not load (see kernel-guest.log in the results)");
        }
    }
}

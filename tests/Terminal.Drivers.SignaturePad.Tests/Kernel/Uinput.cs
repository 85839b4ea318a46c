namespace Terminal.Drivers.SignaturePad.Tests.Kernel;

/// <summary>
/// The uinput requests and structs (linux/uinput.h; measured with gcc on linux-libc-dev 6.1 x86_64 by
/// /work/shared/reference/tools/linux-abi.c, devices.md §2). UI_DEV_SETUP / UI_ABS_SETUP need uinput version 5 (kernel 4.5+).
/// </summary>
internal static class Uinput
{
    /// <summary>UI_SET_EVBIT, UI_SET_KEYBIT, UI_SET_ABSBIT: an int by value.</summary>
    internal const nuint SetEventBit = 0x40045564;
    internal const nuint SetKeyBit = 0x40045565;
    internal const nuint SetAbsoluteBit = 0x40045567;

    /// <summary>UI_DEV_SETUP: struct uinput_setup, 92 bytes = input_id (bustype, vendor, product, version: u16) @0, name char[80] @8, ff_effects_max u32 @88.</summary>
    internal const nuint DeviceSetup = 0x405C5503;
    internal const int SetupSize = 92;
    internal const int SetupNameOffset = 8;
    internal const int SetupNameLength = 80;

    /// <summary>UI_ABS_SETUP: struct uinput_abs_setup, 28 bytes = code u16 @0, 2 bytes padding, input_absinfo @4.</summary>
    internal const nuint AbsoluteSetup = 0x401C5504;
    internal const int AbsoluteSetupSize = 28;
    internal const int AbsoluteSetupInfoOffset = 4;

    internal const nuint DeviceCreate = 0x5501;
    internal const nuint DeviceDestroy = 0x5502;

    /// <summary>UI_GET_SYSNAME(64): the device's name under /sys/devices/virtual/input (e.g. "input7").</summary>
    internal const nuint GetSysName64 = 0x8040552C;

    /// <summary>BUS_VIRTUAL (linux/input.h).</summary>
    internal const ushort BusVirtual = 6;
}

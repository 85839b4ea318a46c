namespace Terminal.Drivers.Camera.Capture;

/// <summary>One driver buffer mapped into this process (mmap of VIDIOC_QUERYBUF's offset and length).</summary>
internal readonly unsafe struct MappedBuffer(byte* address, int length)
{
    public byte* Address { get; } = address;

    public int Length { get; } = length;
}

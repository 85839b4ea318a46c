namespace Terminal.Storage.Tests.Durability;

/// <summary>One completed system call of a traced process: which, on which path, and the rest of its line.</summary>
internal sealed record SyscallEvent(string Call, string Path, string Rest)
{
    public bool IsSync => Call is "fsync" or "fdatasync";

    public bool IsWrite => Call is "pwrite64" or "write" or "ftruncate";
}

namespace Terminal.Testing;

/// <summary>The machine's tools a test tier needs (socat, qemu-user): found on the PATH, never downloaded.</summary>
public static class InstalledTool
{
    /// <summary>The full path of <paramref name="tool"/> on the PATH, or null when it is not installed.</summary>
    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
}

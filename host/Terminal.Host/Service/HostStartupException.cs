namespace Terminal.Host.Service;

/// <summary>The host refuses to start; <see cref="Exception.Message"/> says why, in Chinese, for the log.</summary>
public sealed class HostStartupException : Exception
{
    public HostStartupException()
    {
    }

    public HostStartupException(string message) : base(message)
    {
    }

    public HostStartupException(string message, Exception inner) : base(message, inner)
    {
    }
}

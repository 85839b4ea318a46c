namespace Terminal.Host.Keys;

/// <summary>A district key file that cannot be opened or written; <see cref="Exception.Message"/> says why, in Chinese.</summary>
public sealed class KeyFileException : Exception
{
    public KeyFileException(KeyFileFailure failure, string message, Exception? inner = null) : base(message, inner) => Failure = failure;

    public KeyFileException() : this(KeyFileFailure.UnknownFormat, "区县密钥文件无法打开")
    {
    }

    public KeyFileException(string message) : this(KeyFileFailure.UnknownFormat, message)
    {
    }

    public KeyFileException(string message, Exception inner) : this(KeyFileFailure.UnknownFormat, message, inner)
    {
    }

    /// <summary>The kind of failure.</summary>
    public KeyFileFailure Failure { get; }
}

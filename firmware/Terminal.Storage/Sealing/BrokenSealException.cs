namespace Terminal.Storage.Sealing;

/// <summary>A sealed envelope that cannot be opened. Its message is Chinese and says what to do.</summary>
public sealed class BrokenSealException : Exception
{
    public BrokenSealException()
        : this(SealFailure.Tampered)
    {
    }

    public BrokenSealException(string message)
        : base(message)
    {
        Failure = SealFailure.Tampered;
    }

    public BrokenSealException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failure = SealFailure.Tampered;
    }

    public BrokenSealException(SealFailure failure, Exception? innerException = null)
        : base(MessageFor(failure), innerException)
    {
        Failure = failure;
    }

    /// <summary>Why it could not be opened.</summary>
    public SealFailure Failure { get; }

    private static string MessageFor(SealFailure failure) => failure switch
    {
        SealFailure.UnknownFormat => "数据格式无法识别：文件不完整或不是本系统的加密数据，请重新导出后再试。",
        SealFailure.WrongKey => "数据不是用本密钥加密的：请确认使用的是本区县的密钥。",
        _ => "数据校验失败：数据已被改动或密钥不正确，请勿使用，并报告技术人员。",
    };
}

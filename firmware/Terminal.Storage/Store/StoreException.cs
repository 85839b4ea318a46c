namespace Terminal.Storage.Store;

/// <summary>A refused or failed store operation. The message is Chinese and says what to do.</summary>
public sealed class StoreException : Exception
{
    public StoreException()
        : this(StoreError.Damaged, "存储出错，请联系技术人员。")
    {
    }

    public StoreException(string message)
        : this(StoreError.Damaged, message)
    {
    }

    public StoreException(string message, Exception innerException)
        : this(StoreError.Damaged, message, innerException)
    {
    }

    public StoreException(StoreError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Why.</summary>
    public StoreError Error { get; }

    internal static StoreException NotLoggedIn() => new(StoreError.NotLoggedIn, "请先登录：输入工号和 PIN 后再操作。");

    internal static StoreException Full() => new(StoreError.StorageFull, "终端存储空间不足，本次操作未保存：请先到区县对接卸载已定稿的记录，再继续采集。");

    internal static StoreException WriteFailed(Exception inner) => new(StoreError.WriteFailed,
        "保存失败：终端存储已满或出现故障，本次操作未确认保存。请重启采集程序核对数据，并到区县对接卸载已定稿的记录。", inner);
}

namespace Terminal.Records.Identity;

/// <summary>GB/T 2261.1-2003 人的性别代码 (codes.md §2a).</summary>
public enum Sex
{
    /// <summary>0 未知的性别</summary>
    Unknown = 0,
    /// <summary>1 男性</summary>
    Male = 1,
    /// <summary>2 女性</summary>
    Female = 2,
    /// <summary>9 未说明的性别</summary>
    Unstated = 9,
}

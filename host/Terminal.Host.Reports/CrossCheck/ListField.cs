namespace Terminal.Host.Reports.CrossCheck;

/// <summary>What a column of another department's list can hold, once mapped.</summary>
public enum ListField
{
    /// <summary>公民身份号码 (15 or 18 digits).</summary>
    IdNumber = 1,
    /// <summary>姓名.</summary>
    Name = 2,
    /// <summary>出生日期.</summary>
    BirthDate = 3,
    /// <summary>性别.</summary>
    Sex = 4,
    /// <summary>对象类别 (names or numbers 1–12, several separated by 、 , ;).</summary>
    Category = 5,
    /// <summary>住址 / 户籍地址.</summary>
    Address = 6,
    /// <summary>死亡日期.</summary>
    DeathDate = 7,
}

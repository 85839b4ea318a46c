namespace Terminal.Host.Reports.CrossCheck;

/// <summary>The departments whose lists are cross-checked (seed 001 §四(二)4: "与同级公安、民政、人社、人民武装等部门的信息或档案
/// 交叉比对"; issue 10 adds 医保).</summary>
public enum Department
{
    /// <summary>公安 (户籍): household registration.</summary>
    PublicSecurity = 1,
    /// <summary>民政.</summary>
    CivilAffairs = 2,
    /// <summary>人社: human resources and social security.</summary>
    HumanResources = 3,
    /// <summary>医保: medical insurance.</summary>
    MedicalInsurance = 4,
    /// <summary>人武部: the people's armed forces department.</summary>
    MilitaryDepartment = 5,
}

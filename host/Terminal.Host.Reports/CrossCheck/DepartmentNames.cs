namespace Terminal.Host.Reports.CrossCheck;

/// <summary>The Chinese names of the departments, as descriptions print them.</summary>
public static class DepartmentNames
{
    /// <summary>"公安户籍" for <see cref="Department.PublicSecurity"/>.</summary>
    public static string Name(Department department) => department switch
    {
        Department.PublicSecurity => "公安户籍",
        Department.CivilAffairs => "民政",
        Department.HumanResources => "人社",
        Department.MedicalInsurance => "医保",
        Department.MilitaryDepartment => "人武部",
        _ => throw new ArgumentOutOfRangeException(nameof(department), department, "not a department"),
    };
}

using Terminal.Host.Storage.Model;

namespace Terminal.Host.Accounts;

/// <summary>The roles' Chinese names and what each may do on the dashboard.</summary>
public static class StaffRoles
{
    /// <summary>The Chinese name, as the office says it.</summary>
    public static string Name(StaffRole role) => role switch
    {
        StaffRole.Administrator => "管理员",
        StaffRole.Reviewer => "审核员",
        StaffRole.Viewer => "查看员",
        StaffRole.Clerk => "录入员",
        _ => role.ToString(),
    };

    /// <summary>A role from its Chinese or English name (as typed on the command line); false when unknown.</summary>
    public static bool TryParse(string text, out StaffRole role)
    {
        foreach (var r in Enum.GetValues<StaffRole>())
        {
            if (string.Equals(text, r.ToString(), StringComparison.OrdinalIgnoreCase) || text == Name(r))
            {
                role = r;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>May mark a record's flags as checked.</summary>
    public static bool MayReview(StaffRole role) => role is StaffRole.Administrator or StaffRole.Reviewer;

    /// <summary>May enter records collected by hand at the office (录入).</summary>
    public static bool MayEnter(StaffRole role) => role is StaffRole.Administrator or StaffRole.Clerk;

    /// <summary>May read the office audit trail of everyone.</summary>
    public static bool MayReadOfficeAudit(StaffRole role) => role == StaffRole.Administrator;
}

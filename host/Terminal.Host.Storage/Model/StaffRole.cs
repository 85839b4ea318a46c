namespace Terminal.Host.Storage.Model;

/// <summary>
/// What an office account may do on the dashboard. Stored by name. A clerk role (录入员: corrects records in the
/// office, issue of phase 2) will be added here and given its own permissions; nothing assumes three roles.
/// </summary>
public enum StaffRole
{
    /// <summary>管理员: everything, including the office audit trail and accounts.</summary>
    Administrator,

    /// <summary>审核员: views records and marks their flags as checked.</summary>
    Reviewer,

    /// <summary>查看员: views progress, lists and records; changes nothing.</summary>
    Viewer,

    /// <summary>录入员: enters records collected by hand at the office (and sees what a viewer sees).</summary>
    Clerk,
}

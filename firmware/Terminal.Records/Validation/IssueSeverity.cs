namespace Terminal.Records.Validation;

/// <summary>How much a finding matters to finalizing a record.</summary>
public enum IssueSeverity
{
    /// <summary>Blocks finalizing: the field worker must fix it.</summary>
    Error,
    /// <summary>Does not block, but the field worker must look and confirm (e.g. an area code missing from the table).</summary>
    Warning,
    /// <summary>Information only (e.g. the subject qualified after the reference date).</summary>
    Notice,
}

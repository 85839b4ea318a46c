namespace Terminal.Host.Reports.CrossCheck;

/// <summary>The kinds of discrepancy a cross-check finds; each becomes a review item for the office.</summary>
public enum ReviewKind
{
    /// <summary>On the department's list, not among the collected subjects (possibly not collected: "力争不漏一人").</summary>
    NotCollected = 1,
    /// <summary>Collected, but not on the department's list (reported when the options ask for it).</summary>
    NotOnList = 2,
    /// <summary>The department lists a category the record does not hold.</summary>
    DifferentCategory = 3,
    /// <summary>The addresses differ.</summary>
    DifferentAddress = 4,
    /// <summary>The department records a death before the reference date 2018-10-01.</summary>
    DeceasedBeforeReferenceDate = 5,
    /// <summary>Matched by ID number, but the names differ.</summary>
    DifferentName = 6,
    /// <summary>Matched by name and birth date, but the ID numbers differ.</summary>
    DifferentIdNumber = 7,
    /// <summary>Matched by birth date and a name one character off: a probable typo on one side.</summary>
    NameTypo = 8,
    /// <summary>Several subjects could be the listed person: not matched, for a person to decide.</summary>
    Ambiguous = 9,
    /// <summary>Matched, but the sexes differ.</summary>
    DifferentSex = 10,
}

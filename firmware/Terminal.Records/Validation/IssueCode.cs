namespace Terminal.Records.Validation;

/// <summary>Every kind of finding the record model can report. Stable names: the host stores them in its quality queues.</summary>
public enum IssueCode
{
    // field-level constraints declared in the form definition
    /// <summary>A required field is empty.</summary>
    Required,
    /// <summary>A value is present where the form says the field does not apply.</summary>
    NotApplicable,
    /// <summary>A value is not of the field's type (date, number, yes/no...).</summary>
    BadFormat,
    /// <summary>A code is not in the field's code list.</summary>
    UnknownCode,
    /// <summary>A number or date is outside the field's range.</summary>
    OutOfRange,
    /// <summary>A text is longer than the field allows.</summary>
    TooLong,
    /// <summary>A value is given for a field the form does not have.</summary>
    UnknownField,

    // the twelve categories (seed 001 §三(二)1)
    /// <summary>No category selected.</summary>
    NoCategory,
    /// <summary>More than one of (1)–(6).</summary>
    MoreThanOneMainCategory,
    /// <summary>(7) and (8) together.</summary>
    DisabledServicemanWithMilitiaman,
    /// <summary>(7) without one of (1)–(6).</summary>
    DisabledServicemanAlone,
    /// <summary>(8) with one of (1)–(6).</summary>
    DisabledMilitiamanWithMainCategory,

    // identity
    /// <summary>The ID number is malformed (length, characters, check digit, birth date).</summary>
    IdNumberInvalid,
    /// <summary>The ID number's area code is not in the GB/T 2260 table.</summary>
    IdNumberAreaUnknown,
    /// <summary>The ID number's sex digit disagrees with the sex field.</summary>
    IdNumberSexMismatch,
    /// <summary>The ID number's birth date disagrees with the birth date field.</summary>
    IdNumberBirthDateMismatch,
    /// <summary>The ID card had expired on the collection date.</summary>
    IdCardExpired,

    // dates
    /// <summary>A date lies after the collection date.</summary>
    DateInFuture,
    /// <summary>Two dates are in the wrong order (e.g. discharge before enlistment, an event before birth).</summary>
    DatesOutOfOrder,
    /// <summary>The subject qualified after the reference date 2018-10-01: collected as a later addition.</summary>
    AfterReferenceDate,

    // category modules: rules written in the seed's definitions
    /// <summary>The rank class does not fit the category (e.g. a 转业干部 must have been an officer).</summary>
    RankClassMismatch,
    /// <summary>A resettlement method whose date condition the seed states is not met.</summary>
    ResettlementDateMismatch,
    /// <summary>国家供养 requires a disability grade of 1–4.</summary>
    StateSupportNeedsGrade1To4,
    /// <summary>The 复员军人 personnel type disagrees with the enlistment date (1954-10-31).</summary>
    DemobilizedTypeMismatch,
    /// <summary>A person outside the collection's scope (e.g. family of civilian staff of the army).</summary>
    OutOfScope,
    /// <summary>A disability nature that the category cannot have (伤残民兵民工 are 因战/因公 only).</summary>
    DisabilityNatureNotAllowed,

    // evidence, photos, signature
    /// <summary>No photo of any certificate or material although evidence was named.</summary>
    EvidencePhotoMissing,
    /// <summary>A required photo is missing.</summary>
    PhotoMissing,
    /// <summary>A photo is not a JPEG.</summary>
    PhotoNotJpeg,
    /// <summary>A photo is larger than the plan allows.</summary>
    PhotoTooLarge,
    /// <summary>The signature is missing on a record being finalized.</summary>
    SignatureMissing,
    /// <summary>The signature was given for other content than the record now holds.</summary>
    SignatureContentMismatch,
}

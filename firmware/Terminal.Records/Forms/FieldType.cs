namespace Terminal.Records.Forms;

/// <summary>The value types a form field can have; each has one canonical text form (CANONICAL.md).</summary>
public enum FieldType
{
    /// <summary>Free text, trimmed, at most maxLength characters.</summary>
    Text,
    /// <summary>A calendar date, "yyyy-MM-dd" (or "长期" where allowLongTerm).</summary>
    Date,
    /// <summary>One code of the field's code list.</summary>
    Code,
    /// <summary>Several codes of the field's code list, joined by "," in code-list order.</summary>
    Codes,
    /// <summary>A whole number, invariant culture.</summary>
    Integer,
    /// <summary>A decimal number, invariant culture, "." as separator.</summary>
    Decimal,
    /// <summary>"true" or "false".</summary>
    Boolean,
    /// <summary>A GB 11643 citizen ID number (18 characters, upper-case X).</summary>
    IdNumber,
    /// <summary>A Chinese mobile (11 digits) or fixed-line number.</summary>
    Phone,
    /// <summary>A 9-digit street (街道) code of the GB/T 2260 / NBS table.</summary>
    Street,
}

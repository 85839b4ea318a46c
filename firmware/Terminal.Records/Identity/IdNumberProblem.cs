namespace Terminal.Records.Identity;

/// <summary>Why a text is not a valid GB 11643 citizen ID number.</summary>
public enum IdNumberProblem
{
    /// <summary>Nothing was given.</summary>
    Empty,
    /// <summary>Neither 18 nor (legacy) 15 characters.</summary>
    WrongLength,
    /// <summary>A character that is not a digit (only the 18th may be X).</summary>
    BadCharacter,
    /// <summary>The 18th character is not the MOD 11-2 check character of the first 17.</summary>
    BadCheckDigit,
    /// <summary>Positions 7–14 are not a real calendar date.</summary>
    BadBirthDate,
    /// <summary>The birth date lies after the date the number is checked on.</summary>
    BirthDateInFuture,
    /// <summary>The birth date is before 1890: not a living person's number.</summary>
    BirthDateTooEarly,
    /// <summary>The first two digits are no province-level code of GB/T 2260.</summary>
    UnknownProvince,
}

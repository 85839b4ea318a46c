namespace Terminal.Host.Reports.CrossCheck;

/// <summary>How a listed person was matched to a subject.</summary>
public enum MatchMethod
{
    /// <summary>Same ID number (a 15-digit number on the list upgraded to 18 first).</summary>
    IdNumber = 1,
    /// <summary>Same name and birth date (the list had no number, or its number was not found).</summary>
    NameAndBirthDate = 2,
    /// <summary>Same birth date (and sex), a name one character off, and no other candidate.</summary>
    TolerantName = 3,
}

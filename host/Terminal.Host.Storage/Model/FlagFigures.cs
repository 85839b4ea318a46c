namespace Terminal.Host.Storage.Model;

/// <summary>
/// Records counted by their current version's open (not yet checked) flags in record_flags; a record with several
/// kinds of flag counts under each.
/// </summary>
/// <param name="RecordsReceived">Distinct records received.</param>
/// <param name="RuleViolations">Records with an open error of the collection rules (the validator's, not those below).</param>
/// <param name="SuspectedDuplicates">Records with an open duplicate flag, or named as the other record of one.</param>
/// <param name="PhotoProblems">Records with a photo damaged, not a JPEG or over its size limit.</param>
/// <param name="SignatureMismatches">Records whose signature does not match their content or strokes.</param>
public sealed record FlagFigures(long RecordsReceived, long RuleViolations, long SuspectedDuplicates, long PhotoProblems, long SignatureMismatches);

namespace Terminal.Records.Identity;

/// <summary>Why an ID number was refused, with the Chinese message a field worker reads.</summary>
public sealed record IdNumberError(IdNumberProblem Problem, string Message);

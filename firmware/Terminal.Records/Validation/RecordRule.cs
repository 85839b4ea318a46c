using Terminal.Records.Forms;
using Terminal.Records.Model;

namespace Terminal.Records.Validation;

/// <summary>A rule that data cannot express: code in Rules/, one file per rule, citing its seed sentence.</summary>
public delegate IEnumerable<RecordIssue> RecordRule(Record record, FormDefinition form);

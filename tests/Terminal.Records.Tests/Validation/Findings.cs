using Terminal.Records.Model;
using Terminal.Records.Validation;
using Terminal.Testing;

namespace Terminal.Records.Tests.Validation;

/// <summary>Validation as the tests use it: the record re-signed first, so only the change under test is found.</summary>
internal static class Findings
{
    /// <summary>Every finding about <paramref name="record"/> after signing it for its current content.</summary>
    public static IReadOnlyList<RecordIssue> OfSigned(Record record) =>
        RecordValidator.Validate(SampleRecords.Signed(record with { Signature = null }));

    /// <summary>The one finding with <paramref name="code"/>; fails listing all findings when there is not exactly one.</summary>
    public static RecordIssue Single(IReadOnlyList<RecordIssue> issues, IssueCode code)
    {
        var matching = issues.Where(i => i.Code == code).ToList();
        Assert.HasCount(1, matching, $"expected one {code}, got: {string.Join(" | ", issues)}");
        return matching[0];
    }

    /// <summary>Fails listing the findings unless there are none.</summary>
    public static void None(IReadOnlyList<RecordIssue> issues) => Assert.IsEmpty(issues, string.Join(" | ", issues));
}

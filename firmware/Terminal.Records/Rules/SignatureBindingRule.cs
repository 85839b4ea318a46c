using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Records.Validation;

namespace Terminal.Records.Rules;

/// <summary>
/// The subject signs what was collected (seed 001 §四(三)2(1) "由采集对象现场签字确认（电子签名）"; §四(二)4
/// "并经采集对象签字确认"): the signature must be present and given for exactly the content the record holds now.
/// </summary>
public static class SignatureBindingRule
{
    /// <summary>The rule.</summary>
    public static IEnumerable<RecordIssue> Check(Record record, FormDefinition form)
    {
        if (record.Signature is null)
        {
            yield return RecordIssue.Error(IssueCode.SignatureMissing, null, "签字确认：请采集对象核对内容后在签字板上签名");
        }
        else if (record.Signature.ContentSha256 != RecordSerializer.ContentHash(record))
        {
            yield return RecordIssue.Error(IssueCode.SignatureContentMismatch, null,
                "签字确认：签名之后内容又有改动，签名与现在的内容不符。请采集对象核对后重新签名");
        }
    }
}

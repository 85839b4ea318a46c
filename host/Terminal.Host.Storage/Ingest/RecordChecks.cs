using System.Security.Cryptography;
using Terminal.Host.Storage.Model;
using Terminal.Records.Categories;
using Terminal.Records.Model;
using Terminal.Records.Rules;
using Terminal.Records.Validation;

namespace Terminal.Host.Storage.Ingest;

/// <summary>
/// The checks of one record on ingest that need nothing but the record and what came with it: the record model's
/// own validator (the one the terminal runs, so the host holds a record to the same rules), the signature against
/// the content hash and the strokes that came, the photos' bytes, and a survivor naming the same deceased twice.
/// The checks against other records (duplicates) are <see cref="DuplicateChecks"/>.
/// </summary>
public static class RecordChecks
{
    /// <summary>The survivor modules (烈士、因公牺牲军人、病故军人遗属) and the fields naming the deceased.</summary>
    internal static readonly IReadOnlyList<(Category Category, string Name, string Certificate)> SurvivorModules =
    [
        (Category.MartyrSurvivor, "module9.deceasedName", "module9.certificateNumber"),
        (Category.DutyDeathSurvivor, "module10.deceasedName", "module10.certificateNumber"),
        (Category.IllnessDeathSurvivor, "module11.deceasedName", "module11.certificateNumber"),
    ];

    /// <summary>
    /// Every flag on <paramref name="record"/>. <paramref name="strokes"/> are the signature's pen samples as they
    /// arrived (empty when the delivery carried none); <paramref name="photoBytes"/> finds a photo's bytes by hash
    /// (null when not in this delivery: then it is already stored and was checked when it came).
    /// </summary>
    public static IReadOnlyList<RecordFlag> Of(Record record, ReadOnlySpan<byte> strokes, Func<string, byte[]?> photoBytes)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(photoBytes);
        var flags = new List<RecordFlag>();
        try
        {
            flags.AddRange(RecordValidator.Validate(record).Select(i => new RecordFlag(i.Code.ToString(), i.Severity, i.FieldId, i.Message)));
        }
        catch (KeyNotFoundException)
        {
            flags.Add(new RecordFlag(IngestFlagCodes.UnknownFormVersion, IssueSeverity.Error, null,
                $"记录按采集表 {record.FormVersion} 版填写，本主机没有这一版的定义：请升级区县主机程序后重新核查"));
        }
        if (record.Signature is { } signature && !strokes.IsEmpty && Convert.ToHexStringLower(SHA256.HashData(strokes)) != signature.StrokesSha256)
        {
            flags.Add(new RecordFlag(IngestFlagCodes.SignatureStrokesMismatch, IssueSeverity.Error, null,
                "签字确认：收到的签名笔迹与记录所载签名不符，签名可能被替换。请核实后重新采集签名"));
        }
        foreach (var photo in record.Photos)
        {
            if (photoBytes(photo.Sha256) is { } bytes && PhotoLimits.Check(photo.Kind, bytes) is { } problem)
            {
                flags.Add(new RecordFlag(IngestFlagCodes.PhotoDamaged, IssueSeverity.Error, null, $"照片损坏或不合要求：{problem}"));
            }
        }
        flags.AddRange(SurvivorNamedTwice(record));
        return flags;
    }

    /// <summary>The deceased a survivor record names, as comparable keys (certificate number when given, else the name).</summary>
    internal static IEnumerable<string> DeceasedKeys(Record record)
    {
        foreach (var (category, name, certificate) in SurvivorModules)
        {
            if (record.Categories.Contains(category) && (record.Text(certificate) is { } c ? "证:" + c.Trim() : record.Text(name) is { } n ? "名:" + n.Trim() : null) is { } key)
            {
                yield return key;
            }
        }
    }

    private static IEnumerable<RecordFlag> SurvivorNamedTwice(Record record)
    {
        var keys = DeceasedKeys(record).ToList();
        if (keys.Count != keys.Distinct(StringComparer.Ordinal).Count())
        {
            yield return new RecordFlag(IngestFlagCodes.SurvivorLinkedTwice, IssueSeverity.Error, null,
                "同一记录在两个遗属类别中关联了同一位牺牲（病故）军人：请核实类别，只保留正确的一项");
        }
    }
}

using System.Text;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Storage.Store;

namespace Terminal.Testing.Storage;

/// <summary>Items of a correction list as the district sends them: each with the reviewed version's canonical bytes.</summary>
public static class SampleCorrections
{
    /// <summary>The note of <see cref="GradeProblem"/>.</summary>
    public const string GradeNote = "残疾等级与残疾军人证不符，请与本人核对证件后改正，并重拍个人免冠近照（原照片模糊）";

    /// <summary>
    /// Version 1 of the sample record (<see cref="SampleRecords.DisabledDischargedSoldier"/>) under a new id, signed,
    /// as the district holds it: its photos are named by hash only (the terminal purged them after the receipt).
    /// </summary>
    public static Record Reviewed(Guid? recordId = null, string? name = null)
    {
        var record = SampleRecords.DisabledDischargedSoldier() with { RecordId = recordId ?? Guid.NewGuid(), Signature = null };
        if (name is not null)
        {
            record = record.With("identity.name", name, FieldSource.Chip);
        }
        return SampleRecords.Signed(record);
    }

    /// <summary>An item for <paramref name="reviewed"/> carrying its canonical bytes.</summary>
    public static CorrectionItem ItemFor(Record reviewed, CorrectionKind kind, IReadOnlyList<string> fieldPaths, string note)
    {
        ArgumentNullException.ThrowIfNull(reviewed);
        return new CorrectionItem(reviewed.RecordId, reviewed.Version, kind, fieldPaths, note) { ReviewedRecord = Encoding.UTF8.GetString(RecordSerializer.Serialize(reviewed)) };
    }

    /// <summary>问题数据: the disability grade (module7.grade) is wrong and the personal photo is to be taken again.</summary>
    public static CorrectionItem GradeProblem(Record reviewed) =>
        ItemFor(reviewed, CorrectionKind.Problem, ["module7.grade", "photos.PersonalPhoto"], GradeNote);
}

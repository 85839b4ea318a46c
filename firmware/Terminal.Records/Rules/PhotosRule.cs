using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Validation;

namespace Terminal.Records.Rules;

/// <summary>
/// Photos: each within its kind's format and size (<see cref="PhotoLimits"/>); the personal photo present
/// (seed 001 §四(三)2(1) "使用数据核查设备采集相关信息，并拍摄本人免冠照片"); certificates photographed where the
/// subject showed them (seed 001 §五(二) "对于对象能够提供的…相关证件材料也应尽可能采集": a warning, not a block).
/// </summary>
public static class PhotosRule
{
    /// <summary>The rule.</summary>
    public static IEnumerable<RecordIssue> Check(Record record, FormDefinition form)
    {
        foreach (var photo in record.Photos)
        {
            var name = PhotoLimits.Name(photo.Kind);
            if (photo.MediaType != PhotoLimits.MediaType(photo.Kind))
            {
                yield return RecordIssue.Error(IssueCode.PhotoNotJpeg, null, $"{name}：不是JPG格式，请重新拍摄");
            }
            else if (photo.Length > PhotoLimits.MaxBytes(photo.Kind))
            {
                yield return RecordIssue.Error(IssueCode.PhotoTooLarge, null,
                    $"{name}：{PhotoLimits.KiB(photo.Length)}，超过{PhotoLimits.KiB(PhotoLimits.MaxBytes(photo.Kind))}的上限，请重新拍摄");
            }
        }
        if (!record.Photos.Any(p => p.Kind == PhotoKind.PersonalPhoto))
        {
            yield return RecordIssue.Error(IssueCode.PhotoMissing, null, "个人免冠近照：请拍摄本人免冠照片（肩部以上，彩色）");
        }
        var shown = record.Text("evidence.documents")?.Split(',') ?? [];
        if (shown.Any(code => code != "1") && !record.Photos.Any(p => p.Kind == PhotoKind.DocumentPhoto))
        {
            yield return RecordIssue.Warning(IssueCode.EvidencePhotoMissing, "evidence.documents",
                "证件材料：已核对的证件材料尚未拍照。对象能够提供的证件材料应尽可能拍照采集");
        }
    }
}

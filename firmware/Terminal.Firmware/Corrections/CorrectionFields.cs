using Terminal.Firmware.Collection;
using Terminal.Records.Forms;
using Terminal.Records.Model;
using Terminal.Records.Rules;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Corrections;

/// <summary>
/// The field paths of a correction item ("module7.grade", "photos.PersonalPhoto", "categories") in the field worker's
/// words and pages: the form's labels, the step where each is entered, the kinds and states in Chinese.
/// </summary>
public static class CorrectionFields
{
    private const string PhotosPrefix = "photos";
    private const string CategoriesPath = "categories";

    /// <summary>The label a path is shown by: the form's field label, the photo's name, or the path itself when the form has no such field.</summary>
    public static string Label(string path, FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(form);
        if (IsPhoto(path))
        {
            return Enum.TryParse<PhotoKind>(path.AsSpan(PhotosPrefix.Length + 1), out var kind) && Enum.IsDefined(kind) ? PhotoLimits.Name(kind) : "照片";
        }
        if (path == CategoriesPath)
        {
            return "对象类别";
        }
        return form.TryGetField(path, out var field) ? field.Label : path;
    }

    /// <summary>The step where a path is corrected for <paramref name="record"/>, or null when none of its pages has it.</summary>
    public static string? StepOf(string path, Record record, FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (IsPhoto(path))
        {
            return CollectionFlow.PhotosStep;
        }
        if (path == CategoriesPath)
        {
            return CollectionFlow.CategoriesStep;
        }
        if (!form.TryGetField(path, out _))
        {
            return null;
        }
        var section = form.SectionOf(path).Id;
        return CollectionFlow.Steps(record, form).Contains(section) ? section : null;
    }

    /// <summary>The first step of <paramref name="record"/>'s pages that holds a path concerned, or the identity page.</summary>
    public static string FirstStep(IReadOnlyList<string> paths, Record record, FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var concerned = paths.Select(p => StepOf(p, record, form)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return CollectionFlow.Steps(record, form).FirstOrDefault(concerned.Contains) ?? CollectionWorkflow.IdentityStep;
    }

    /// <summary>True when the correction names the field <paramref name="fieldId"/>.</summary>
    public static bool Concerns(CorrectionDraft? correction, string fieldId) =>
        correction is not null && correction.FieldPaths.Contains(fieldId, StringComparer.Ordinal);

    /// <summary>True when the correction asks for a photo.</summary>
    public static bool ConcernsPhotos(CorrectionDraft? correction) => correction is not null && correction.FieldPaths.Any(IsPhoto);

    /// <summary>问题数据 / 缺失数据.</summary>
    public static string KindName(CorrectionKind kind) => kind == CorrectionKind.Missing ? "缺失数据" : "问题数据";

    /// <summary>待补正 / 补正中 / 已补正，待对接.</summary>
    public static string StateName(TerminalCorrectionState state) => state switch
    {
        TerminalCorrectionState.InProgress => "补正中",
        TerminalCorrectionState.Corrected => "已补正，待对接",
        _ => "待补正",
    };

    private static bool IsPhoto(string path) => path == PhotosPrefix || path.StartsWith(PhotosPrefix + ".", StringComparison.Ordinal);
}

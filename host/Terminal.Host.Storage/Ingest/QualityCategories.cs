using Terminal.Host.Storage.Model;
using Terminal.Records.Validation;

namespace Terminal.Host.Storage.Ingest;

/// <summary>Which quality queue a flag code puts its record in (a code not listed is a rule violation).</summary>
public static class QualityCategories
{
    private static readonly Dictionary<string, QualityCategory> ByCode = new(StringComparer.Ordinal)
    {
        [nameof(IssueCode.Required)] = QualityCategory.MissingField,
        [nameof(IssueCode.PhotoMissing)] = QualityCategory.MissingField,
        [nameof(IssueCode.EvidencePhotoMissing)] = QualityCategory.MissingField,
        [nameof(IssueCode.SignatureMissing)] = QualityCategory.MissingField,
        [IngestFlagCodes.DuplicateAcrossTerminals] = QualityCategory.SuspectedDuplicate,
        [IngestFlagCodes.DuplicateAcrossCategories] = QualityCategory.SuspectedDuplicate,
        [IngestFlagCodes.DuplicateSubject] = QualityCategory.SuspectedDuplicate,
        [IngestFlagCodes.SurvivorLinkedTwice] = QualityCategory.SuspectedDuplicate,
        [IngestFlagCodes.VersionConflict] = QualityCategory.SuspectedDuplicate,
        [IngestFlagCodes.PhotoDamaged] = QualityCategory.Photo,
        [nameof(IssueCode.PhotoNotJpeg)] = QualityCategory.Photo,
        [nameof(IssueCode.PhotoTooLarge)] = QualityCategory.Photo,
        [nameof(IssueCode.SignatureContentMismatch)] = QualityCategory.Signature,
        [IngestFlagCodes.SignatureStrokesMismatch] = QualityCategory.Signature,
        [nameof(IssueCode.IdCardExpired)] = QualityCategory.Card,
        [IngestFlagCodes.CardFlagged] = QualityCategory.Card,
    };

    /// <summary>The queue of <paramref name="code"/>.</summary>
    public static QualityCategory Of(string code) => ByCode.TryGetValue(code, out var c) ? c : QualityCategory.RuleViolation;
}

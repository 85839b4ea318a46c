namespace Terminal.Host.Storage.Ingest;

/// <summary>The codes of the checks the host makes on ingest beyond the record model's rules (stable: stored).</summary>
public static class IngestFlagCodes
{
    /// <summary>The same ID number arrived from another terminal.</summary>
    public const string DuplicateAcrossTerminals = "DuplicateAcrossTerminals";

    /// <summary>The same ID number arrived under other categories.</summary>
    public const string DuplicateAcrossCategories = "DuplicateAcrossCategories";

    /// <summary>The same ID number arrived again from the same terminal under the same categories (collected twice).</summary>
    public const string DuplicateSubject = "DuplicateSubject";

    /// <summary>A survivor (遗属) is linked to the same deceased serviceman twice.</summary>
    public const string SurvivorLinkedTwice = "SurvivorLinkedTwice";

    /// <summary>The signature strokes that arrived are not the ones the signature names.</summary>
    public const string SignatureStrokesMismatch = "SignatureStrokesMismatch";

    /// <summary>A photo's bytes are not a usable image of its kind (the hash matched: it was damaged before sealing).</summary>
    public const string PhotoDamaged = "PhotoDamaged";

    /// <summary>The record names a form version this host does not know.</summary>
    public const string UnknownFormVersion = "UnknownFormVersion";

    /// <summary>The record's ID number is on the office's list of cards reported lost or otherwise flagged (flagged_cards).</summary>
    public const string CardFlagged = "CardFlagged";

    /// <summary>Another copy of this record version arrived (another terminal, or other content): kept beside it for the reviewer.</summary>
    public const string VersionConflict = "VersionConflict";

    /// <summary>A flag given by the caller of the commit (e.g. the dock link).</summary>
    public const string Delivery = "Delivery";
}

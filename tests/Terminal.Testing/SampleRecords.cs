using System.Collections.Immutable;
using Terminal.Records.Categories;
using Terminal.Records.Identity;
using Terminal.Records.Model;
using Terminal.Records.Serialization;

namespace Terminal.Testing;

/// <summary>Complete, valid records to start tests from; each test changes only what it is about.</summary>
public static class SampleRecords
{
    /// <summary>The collection date of the samples (phase one of seed 000: before 2018-12-01).</summary>
    public static readonly DateOnly CollectedOn = new(2018, 11, 5);

    /// <summary>An ID number for a man born on the given date in 水磨沟区, with a correct check character.</summary>
    public static string IdNumberFor(DateOnly birth, int sequence = 13, string area = "650105")
    {
        var first17 = $"{area}{birth:yyyyMMdd}{sequence:000}";
        return first17 + IdNumber.ComputeCheckCharacter(first17);
    }

    /// <summary>A 64-character lower-case hex string standing for a SHA-256 (derived from <paramref name="seed"/>).</summary>
    public static string Hash(string seed) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)));

    /// <summary>
    /// A discharged conscript (2) who is also a disabled serviceman (7), read from his ID card at the 南湖北
    /// collection point, photographed and signed: valid under form 2018.1 with no error and no warning.
    /// </summary>
    public static Record DisabledDischargedSoldier()
    {
        var birth = new DateOnly(1965, 3, 12);
        var values = new Dictionary<string, FieldValue>
        {
            ["identity.documentType"] = new("1", FieldSource.Chip),
            ["identity.name"] = new("张建国", FieldSource.Chip),
            ["identity.sex"] = new("1", FieldSource.Chip),
            ["identity.nation"] = new("01", FieldSource.Chip),
            ["identity.birthDate"] = new("1965-03-12", FieldSource.Chip),
            ["identity.idNumber"] = new(IdNumberFor(birth), FieldSource.Chip),
            ["identity.address"] = new("新疆乌鲁木齐市水磨沟区南湖北路123号", FieldSource.Chip),
            ["identity.issuingAuthority"] = new("乌鲁木齐市公安局水磨沟区分局", FieldSource.Chip),
            ["identity.validFrom"] = new("2010-05-01", FieldSource.Chip),
            ["identity.validUntil"] = new("长期", FieldSource.Chip),
            ["personal.politicalStatus"] = new("01", FieldSource.InitialData),
            ["personal.street"] = new("650105007"),
            ["personal.householdRegistration"] = new("新疆乌鲁木齐市水磨沟区"),
            ["personal.enlistmentDate"] = new("1983-10-01", FieldSource.InitialData),
            ["personal.dischargeDate"] = new("1987-12-01", FieldSource.InitialData),
            ["personal.rankClass"] = new("3", FieldSource.InitialData),
            ["personal.serviceUnit"] = new("某部"),
            ["evidence.kind"] = new("1"),
            ["evidence.documents"] = new("1,2,3,4"),
            ["module2.rank"] = new("1"),
            ["module2.resettlement"] = new("1"),
            ["module2.resettlementUnit"] = new("乌鲁木齐市某机械厂"),
            ["module2.certificateNumber"] = new("新退字8712001"),
            ["module7.nature"] = new("2"),
            ["module7.grade"] = new("6"),
            ["module7.certificateNumber"] = new("新残军字000123"),
            ["module7.assessedOn"] = new("1987-09-15"),
            ["living.resettlement"] = new("1"),
            ["living.employment"] = new("2"),
            ["living.employer"] = new("乌鲁木齐市某机械厂"),
            ["living.hasHousing"] = new("true"),
            ["living.housingType"] = new("2"),
            ["living.housingArea"] = new("85.5"),
            ["benefits.statePension"] = new("true"),
            ["benefits.statePensionKind"] = new("残疾抚恤金"),
            ["benefits.socialInsurance"] = new("1,3"),
            ["benefits.minimumLiving"] = new("false"),
        };
        var record = new Record
        {
            RecordId = Guid.Parse("6f1d2c3b-4a59-4e87-9d10-2b3c4d5e6f70"),
            FormVersion = "2018.1",
            Mode = CollectionMode.OnSite,
            CollectedOn = CollectedOn,
            TerminalId = "T650105-04",
            OperatorId = "op-0401",
            CollectionPointCode = "650105-04",
            Categories = CategorySet.Of(Category.DischargedSoldier, Category.DisabledServiceman),
            Values = values.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Photos =
            [
                new PhotoReference(PhotoKind.ChipPhotoRaw, Hash("wlt"), 1024, "application/x-wlt", 102, 126),
                new PhotoReference(PhotoKind.ChipPhoto, Hash("chip"), 2600, "image/jpeg", 102, 126),
                new PhotoReference(PhotoKind.PersonalPhoto, Hash("personal"), 180_000, "image/jpeg", 720, 960),
                new PhotoReference(PhotoKind.DocumentPhoto, Hash("certificate"), 150_000, "image/jpeg", 1280, 960, "残疾军人证"),
            ],
        };
        return Signed(record);
    }

    /// <summary>The record signed for exactly its current content.</summary>
    public static Record Signed(Record record) => record with
    {
        Signature = new SignatureReference(
            RecordSerializer.ContentHash(record), Hash("strokes"), Hash("signature-image"),
            new DateTimeOffset(2018, 11, 5, 10, 30, 0, TimeSpan.FromHours(6))),
    };
}

using System.Collections.Immutable;
using System.Text;
using CsCheck;
using Terminal.Records.Categories;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Testing;

namespace Terminal.Records.Tests.Serialization;

[TestClass]
public sealed class RecordSerializerTests
{
    private static readonly Gen<string> AnyText = Gen.String[Gen.Char, 0, 40].Where(IsWellFormed);

    private static readonly Gen<Record> Records =
        from id in Gen.Guid
        from version in Gen.Int[1, 50]
        from day in Gen.Int[0, 3000]
        from categories in Gen.Int[0, 4095]
        from values in Gen.Dictionary(Gen.String[Gen.Char.AlphaNumeric, 1, 20], from v in AnyText from s in Gen.Enum<FieldSource>() select new FieldValue(v, s))[0, 30]
        from photos in (from k in Gen.Enum<PhotoKind>() from len in Gen.Long[0, 400_000] from w in Gen.Int[0, 4000] from label in AnyText.Null() select new PhotoReference(k, SampleRecords.Hash(label ?? "x"), len, "image/jpeg", w, w / 2 + 1, label)).Array[0, 5]
        from signed in Gen.Bool
        from terminal in AnyText
        select new Record
        {
            RecordId = id,
            Version = version,
            FormVersion = "2018.1",
            Mode = (CollectionMode)(1 + day % 3),
            CollectedOn = new DateOnly(2018, 10, 1).AddDays(day),
            TerminalId = terminal,
            OperatorId = "op-" + version,
            CollectionPointCode = "650105-0" + (1 + day % 8),
            Categories = CategorySet.FromMask(categories << 1),
            Values = values.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Photos = [.. photos],
            Signature = signed ? new SignatureReference(SampleRecords.Hash("c"), SampleRecords.Hash("s"), SampleRecords.Hash("i"), new DateTimeOffset(2018, 11, 5, 9, 0, day % 60, TimeSpan.FromHours(8))) : null,
        };

    [TestMethod]
    public void Serialize_ThenDeserialize_RoundTripsByteForByte() =>
        Records.Sample(record =>
        {
            var bytes = RecordSerializer.Serialize(record);
            var back = RecordSerializer.Deserialize(bytes);
            return bytes.AsSpan().SequenceEqual(RecordSerializer.Serialize(back))
                && back.RecordId == record.RecordId && back.Values.Count == record.Values.Count
                && back.Photos.SequenceEqual(record.Photos) && back.Signature == record.Signature
                && back.Categories == record.Categories;
        }, iter: 2_000);

    [TestMethod]
    public void Serialize_SameRecordTwice_GivesTheSameBytes() =>
        Records.Sample(record => RecordSerializer.Serialize(record).AsSpan().SequenceEqual(RecordSerializer.Serialize(record with { })), iter: 500);

    [TestMethod]
    public void Serialize_ValuesInsertedInAnyOrder_GiveTheSameBytes()
    {
        var record = SampleRecords.DisabledDischargedSoldier();
        var reversed = record with { Values = record.Values.Reverse().ToImmutableSortedDictionary(StringComparer.Ordinal) };
        CollectionAssert.AreEqual(RecordSerializer.Serialize(record), RecordSerializer.Serialize(reversed));
    }

    /// <summary>
    /// The sample record's canonical bytes are fixed by a golden file. If they change, every stored hash and
    /// signature of schema 1 would break: change the layout only with a new schema version (CANONICAL.md).
    /// </summary>
    [TestMethod]
    public void Serialize_SampleRecord_EqualsTheGoldenBytes()
    {
        var bytes = RecordSerializer.Serialize(SampleRecords.DisabledDischargedSoldier());
        var goldenPath = Path.Combine(AppContext.BaseDirectory, "Serialization", "sample-record.canonical.json");
        if (!File.Exists(goldenPath) || !File.ReadAllBytes(goldenPath).AsSpan().SequenceEqual(bytes))
        {
            // For review when the layout changes on purpose (with a new schema version): the bytes produced now.
            File.WriteAllBytes(Path.Combine(AppContext.BaseDirectory, "sample-record.actual.json"), bytes);
        }
        var golden = File.ReadAllBytes(goldenPath);
        Assert.AreEqual(Encoding.UTF8.GetString(golden), Encoding.UTF8.GetString(bytes));
        CollectionAssert.AreEqual(golden, bytes);
    }

    [TestMethod]
    [DataRow("a\"b", "\"a\\\"b\"")]
    [DataRow("a\\b", "\"a\\\\b\"")]
    [DataRow("\n\t\r\b\f", "\"\\n\\t\\r\\b\\f\"")]
    [DataRow("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [DataRow("中文/<>&'\u007f\u2028😀", "\"中文/<>&'\u007f\u2028😀\"")]
    public void Serialize_Strings_UseMinimalEscaping(string value, string expectedJson)
    {
        var record = SampleRecords.DisabledDischargedSoldier() with { TerminalId = value };
        StringAssert.Contains(Encoding.UTF8.GetString(RecordSerializer.Serialize(record)), "\"terminal\":" + expectedJson + ",");
    }

    [TestMethod]
    public void Serialize_LoneSurrogate_IsRefused() =>
        Assert.ThrowsExactly<ArgumentException>(() => RecordSerializer.Serialize(SampleRecords.DisabledDischargedSoldier() with { TerminalId = "a\ud800b" }));

    [TestMethod]
    [DataRow(" ")]
    [DataRow("\n")]
    public void Deserialize_NonCanonicalSpacing_IsRefused(string space)
    {
        var text = Encoding.UTF8.GetString(RecordSerializer.Serialize(SampleRecords.DisabledDischargedSoldier()));
        var spaced = text.Replace(",\"mode\"", "," + space + "\"mode\"", StringComparison.Ordinal);
        Assert.ThrowsExactly<FormatException>(() => RecordSerializer.Deserialize(Encoding.UTF8.GetBytes(spaced)));
    }

    [TestMethod]
    [DataRow("{}")]
    [DataRow("[]")]
    [DataRow("")]
    [DataRow("{\"schema\":2}")]
    [DataRow("not json")]
    public void Deserialize_Garbage_IsAFormatException(string text) =>
        Assert.ThrowsExactly<FormatException>(() => RecordSerializer.Deserialize(Encoding.UTF8.GetBytes(text)));

    [TestMethod]
    public void Deserialize_UnknownOrDuplicateMember_IsRefused()
    {
        var text = Encoding.UTF8.GetString(RecordSerializer.Serialize(SampleRecords.DisabledDischargedSoldier()));
        Assert.ThrowsExactly<FormatException>(() => RecordSerializer.Deserialize(Encoding.UTF8.GetBytes(text.Replace("{\"categories\"", "{\"extra\":1,\"categories\"", StringComparison.Ordinal))));
        Assert.ThrowsExactly<FormatException>(() => RecordSerializer.Deserialize(Encoding.UTF8.GetBytes(text.Replace("{\"categories\"", "{\"version\":1,\"categories\"", StringComparison.Ordinal))));
    }

    [TestMethod]
    public void Deserialize_AnyBytes_ThrowsOnlyFormatException() =>
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            try
            {
                RecordSerializer.Deserialize(bytes);
                return false;
            }
            catch (FormatException)
            {
                return true;
            }
        }, iter: 5_000);

    [TestMethod]
    public void ContentHash_IgnoresTheSignatureOnly()
    {
        var record = SampleRecords.DisabledDischargedSoldier();
        Assert.AreEqual(RecordSerializer.ContentHash(record), RecordSerializer.ContentHash(record with { Signature = null }));
        Assert.AreNotEqual(RecordSerializer.ContentHash(record), RecordSerializer.ContentHash(record.With("identity.name", "张建军")));
        Assert.AreEqual(64, RecordSerializer.ContentHash(record).Length);
    }

    private static bool IsWellFormed(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return false;
            }
        }
        return true;
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Terminal.Records.Categories;
using Terminal.Records.Model;

namespace Terminal.Records.Serialization;

/// <summary>
/// The one canonical serialisation of a record (CANONICAL.md): what is hashed, signed by the subject's signature,
/// sealed for the district and audited. Byte-stable: the same record always gives the same bytes, and reading
/// them back gives a record that serialises to the same bytes.
/// </summary>
public static class RecordSerializer
{
    /// <summary>The layout version written in every serialised record ("schema").</summary>
    public const int SchemaVersion = 1;

    /// <summary>The canonical UTF-8 JSON of the record.</summary>
    public static byte[] Serialize(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var w = new CanonicalJsonWriter();
        WriteRecord(w, record);
        return w.ToUtf8();
    }

    /// <summary>
    /// The SHA-256 (lower-case hex) of the record's canonical bytes without its signature: the content the subject
    /// signs (<see cref="SignatureReference.ContentSha256"/>).
    /// </summary>
    public static string ContentHash(Record record) =>
        Convert.ToHexStringLower(SHA256.HashData(Serialize(record with { Signature = null })));

    /// <summary>Reads canonical JSON back. Throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static Record Deserialize(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            using var doc = JsonDocument.ParseValue(ref reader);
            var record = RecordReader.Read(doc.RootElement);
            if (!reader.IsFinalBlock || reader.BytesConsumed != utf8.Length || !utf8.SequenceEqual(Serialize(record)))
            {
                throw new FormatException("record bytes are not in canonical form (member order, spacing or escaping differ)");
            }
            return record;
        }
        catch (JsonException e)
        {
            throw new FormatException($"record is not valid JSON: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new FormatException($"record does not have the canonical layout: {e.Message}", e);
        }
    }

    private static void WriteRecord(CanonicalJsonWriter w, Record r)
    {
        var members = new Dictionary<string, Action<CanonicalJsonWriter>>(StringComparer.Ordinal)
        {
            ["schema"] = x => x.Integer(SchemaVersion),
            ["recordId"] = x => x.String(r.RecordId.ToString("D")),
            ["version"] = x => x.Integer(r.Version),
            ["formVersion"] = x => x.String(r.FormVersion),
            ["mode"] = x => x.String(r.Mode.ToString()),
            ["collectedOn"] = x => x.String(r.CollectedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ["terminal"] = x => x.String(r.TerminalId),
            ["operator"] = x => x.String(r.OperatorId),
            ["collectionPoint"] = x => x.String(r.CollectionPointCode),
            ["categories"] = x => x.Array(r.Categories.Members(), (y, c) => y.Integer((int)c)),
            ["values"] = x => x.Object(r.Values.Select(kv => new KeyValuePair<string, Action<CanonicalJsonWriter>>(kv.Key, y => WriteValue(y, kv.Value)))),
            ["photos"] = x => x.Array(r.Photos, WritePhoto),
            ["signature"] = x =>
            {
                if (r.Signature is null)
                {
                    x.Null();
                }
                else
                {
                    WriteSignature(x, r.Signature);
                }
            },
        };
        w.Object(members);
    }

    private static void WriteValue(CanonicalJsonWriter w, FieldValue v) => w.Object(new Dictionary<string, Action<CanonicalJsonWriter>>
    {
        ["value"] = x => x.String(v.Value),
        ["source"] = x => x.String(SourceName(v.Source)),
    });

    private static void WritePhoto(CanonicalJsonWriter w, PhotoReference p)
    {
        var members = new Dictionary<string, Action<CanonicalJsonWriter>>(StringComparer.Ordinal)
        {
            ["kind"] = x => x.String(p.Kind.ToString()),
            ["sha256"] = x => x.String(p.Sha256),
            ["length"] = x => x.Integer(p.Length),
            ["mediaType"] = x => x.String(p.MediaType),
            ["width"] = x => x.Integer(p.Width),
            ["height"] = x => x.Integer(p.Height),
        };
        if (p.Label is not null)
        {
            members["label"] = x => x.String(p.Label);
        }
        w.Object(members);
    }

    private static void WriteSignature(CanonicalJsonWriter w, SignatureReference s) => w.Object(new Dictionary<string, Action<CanonicalJsonWriter>>
    {
        ["contentSha256"] = x => x.String(s.ContentSha256),
        ["strokesSha256"] = x => x.String(s.StrokesSha256),
        ["imageSha256"] = x => x.String(s.ImageSha256),
        ["signedAt"] = x => x.String(s.SignedAt.ToString("O", CultureInfo.InvariantCulture)),
    });

    internal static string SourceName(FieldSource source) => source switch
    {
        FieldSource.Operator => "operator",
        FieldSource.Chip => "chip",
        FieldSource.InitialData => "initialData",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown field source"),
    };

    internal static FieldSource ParseSource(string name) => name switch
    {
        "operator" => FieldSource.Operator,
        "chip" => FieldSource.Chip,
        "initialData" => FieldSource.InitialData,
        _ => throw new ArgumentException($"unknown field source \"{name}\""),
    };

    internal static CategorySet ParseCategories(JsonElement array)
    {
        var set = CategorySet.Empty;
        var last = 0;
        foreach (var e in array.EnumerateArray())
        {
            var n = e.GetInt32();
            if (n <= last || n > 12)
            {
                throw new ArgumentException("categories must be distinct numbers 1–12 in ascending order");
            }
            last = n;
            set = set.With((Category)n);
        }
        return set;
    }

    internal static ImmutableSortedDictionary<string, FieldValue> ParseValues(JsonElement obj)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, FieldValue>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            RecordReader.ExpectMembers(p.Value, "value", "source");
            builder.Add(p.Name, new FieldValue(p.Value.GetProperty("value").GetString()!, ParseSource(p.Value.GetProperty("source").GetString()!)));
        }
        return builder.ToImmutable();
    }
}

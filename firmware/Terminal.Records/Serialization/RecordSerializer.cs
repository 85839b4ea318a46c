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
    public static string ContentHash(Record record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // A record is immutable (edits make a new instance), so its hash is worked out once per instance: the
        // signature check, the ingest and the audit all ask for it.
        return ContentHashes.GetValue(record, r => Convert.ToHexStringLower(SHA256.HashData(Serialize(r with { Signature = null }))));
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Record, string> ContentHashes = [];

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

    // The members are written in ordinal order of their names (the writer refuses any other order).
    private static void WriteRecord(CanonicalJsonWriter w, Record r)
    {
        w.BeginObject();
        w.Member("categories");
        w.Array(r.Categories.Members(), (y, c) => y.Integer((int)c));
        w.Member("collectedOn");
        w.String(r.CollectedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.Member("collectionPoint");
        w.String(r.CollectionPointCode);
        w.Member("formVersion");
        w.String(r.FormVersion);
        w.Member("mode");
        w.String(r.Mode.ToString());
        w.Member("operator");
        w.String(r.OperatorId);
        w.Member("photos");
        w.Array(r.Photos, WritePhoto);
        w.Member("recordId");
        w.String(r.RecordId.ToString("D"));
        w.Member("schema");
        w.Integer(SchemaVersion);
        w.Member("signature");
        if (r.Signature is null)
        {
            w.Null();
        }
        else
        {
            WriteSignature(w, r.Signature);
        }
        w.Member("terminal");
        w.String(r.TerminalId);
        w.Member("values");
        w.BeginObject();
        var values = r.Values.KeyComparer == StringComparer.Ordinal ? r.Values : r.Values.WithComparers(StringComparer.Ordinal);
        foreach (var (id, value) in values)
        {
            w.Member(id);
            w.BeginObject();
            w.Member("source");
            w.String(SourceName(value.Source));
            w.Member("value");
            w.String(value.Value);
            w.EndObject();
        }
        w.EndObject();
        w.Member("version");
        w.Integer(r.Version);
        w.EndObject();
    }

    private static void WritePhoto(CanonicalJsonWriter w, PhotoReference p)
    {
        w.BeginObject();
        w.Member("height");
        w.Integer(p.Height);
        w.Member("kind");
        w.String(p.Kind.ToString());
        if (p.Label is not null)
        {
            w.Member("label");
            w.String(p.Label);
        }
        w.Member("length");
        w.Integer(p.Length);
        w.Member("mediaType");
        w.String(p.MediaType);
        w.Member("sha256");
        w.String(p.Sha256);
        w.Member("width");
        w.Integer(p.Width);
        w.EndObject();
    }

    private static void WriteSignature(CanonicalJsonWriter w, SignatureReference s)
    {
        w.BeginObject();
        w.Member("contentSha256");
        w.String(s.ContentSha256);
        w.Member("imageSha256");
        w.String(s.ImageSha256);
        w.Member("signedAt");
        w.String(s.SignedAt.ToString("O", CultureInfo.InvariantCulture));
        w.Member("strokesSha256");
        w.String(s.StrokesSha256);
        w.EndObject();
    }

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

using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Terminal.Records.Model;

namespace Terminal.Records.Serialization;

/// <summary>Reads the canonical layout strictly: every member present, no member unknown.</summary>
internal static class RecordReader
{
    private static readonly string[] RecordMembers =
        ["schema", "recordId", "version", "formVersion", "mode", "collectedOn", "terminal", "operator", "collectionPoint", "categories", "values", "photos", "signature"];

    public static Record Read(JsonElement root)
    {
        ExpectMembers(root, RecordMembers);
        var schema = root.GetProperty("schema").GetInt32();
        if (schema != RecordSerializer.SchemaVersion)
        {
            throw new ArgumentException($"schema {schema} is not known (this program reads {RecordSerializer.SchemaVersion})");
        }
        var signature = root.GetProperty("signature");
        return new Record
        {
            RecordId = Guid.ParseExact(root.GetProperty("recordId").GetString()!, "D"),
            Version = root.GetProperty("version").GetInt32(),
            FormVersion = root.GetProperty("formVersion").GetString()!,
            Mode = Enum.Parse<CollectionMode>(root.GetProperty("mode").GetString()!),
            CollectedOn = DateOnly.ParseExact(root.GetProperty("collectedOn").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            TerminalId = root.GetProperty("terminal").GetString()!,
            OperatorId = root.GetProperty("operator").GetString()!,
            CollectionPointCode = root.GetProperty("collectionPoint").GetString()!,
            Categories = RecordSerializer.ParseCategories(root.GetProperty("categories")),
            Values = RecordSerializer.ParseValues(root.GetProperty("values")),
            Photos = [.. root.GetProperty("photos").EnumerateArray().Select(ReadPhoto)],
            Signature = signature.ValueKind == JsonValueKind.Null ? null : ReadSignature(signature),
        };
    }

    private static PhotoReference ReadPhoto(JsonElement e)
    {
        var hasLabel = e.TryGetProperty("label", out var label);
        ExpectMembers(e, hasLabel ? ["kind", "sha256", "length", "mediaType", "width", "height", "label"] : ["kind", "sha256", "length", "mediaType", "width", "height"]);
        return new PhotoReference(
            Enum.Parse<PhotoKind>(e.GetProperty("kind").GetString()!),
            e.GetProperty("sha256").GetString()!,
            e.GetProperty("length").GetInt64(),
            e.GetProperty("mediaType").GetString()!,
            e.GetProperty("width").GetInt32(),
            e.GetProperty("height").GetInt32(),
            hasLabel ? label.GetString() : null);
    }

    private static SignatureReference ReadSignature(JsonElement e)
    {
        ExpectMembers(e, "contentSha256", "strokesSha256", "imageSha256", "signedAt");
        return new SignatureReference(
            e.GetProperty("contentSha256").GetString()!,
            e.GetProperty("strokesSha256").GetString()!,
            e.GetProperty("imageSha256").GetString()!,
            DateTimeOffset.ParseExact(e.GetProperty("signedAt").GetString()!, "O", CultureInfo.InvariantCulture));
    }

    public static void ExpectMembers(JsonElement obj, params string[] names)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("expected an object");
        }
        var seen = 0;
        foreach (var p in obj.EnumerateObject())
        {
            if (!names.Contains(p.Name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"unknown member \"{p.Name}\"");
            }
            seen++;
        }
        if (seen != names.Length)
        {
            throw new ArgumentException($"expected the members {string.Join(", ", names)}");
        }
    }
}

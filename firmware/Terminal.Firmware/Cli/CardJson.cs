using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Terminal.Drivers.IdCard.Photo;
using Terminal.Drivers.IdCard.Protocol;
using Terminal.Firmware.Collection;
using Terminal.Records.Forms;

namespace Terminal.Firmware.Cli;

/// <summary>The JSON the `idcard` commands print for a card: the record's identity fields and what else the chip gave.</summary>
internal static class CardJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(CardData card, DateOnly on, WltDecoding photo)
    {
        var id = card.Identity;
        var values = new JsonObject();
        foreach (var (field, value) in CardIdentityFields.From(id))
        {
            values[field] = value;
        }
        var json = new JsonObject
        {
            ["cardType"] = id.Type.ToString(),
            ["values"] = values,
            ["source"] = "chip",
            ["nation"] = id.NationCode is { } n ? FormDefinitions.Current.CodeName("nation", n) : null,
            ["englishName"] = id.EnglishName,
            ["appendedAddress"] = id.AppendedAddress,
            ["passNumber"] = id.PassNumber,
            ["expired"] = id.IsExpiredOn(on),
            ["chipPhoto"] = new JsonObject
            {
                ["sha256"] = card.PhotoSha256,
                ["length"] = card.Photo.Length,
                ["decoded"] = photo is WltDecoding.Decoded,
                ["note"] = photo.Message,
            },
            ["fingerprintBytes"] = card.Fingerprint.Length,
            ["problems"] = new JsonArray([.. id.Problems.Select(p => (JsonNode?)p)]),
        };
        if (id.IsExpiredOn(on))
        {
            json["problems"]!.AsArray().Add($"证件已于{id.ValidUntil:yyyy年M月d日}过期：照常采集，请提醒本人及时换领");
        }
        return json.ToJsonString(Options);
    }
}

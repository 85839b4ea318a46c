using System.Text.Json;

namespace Terminal.Drivers.IdCard.Simulator;

/// <summary>The cards a simulator can place on its reader, from a JSON file: <c>{ "cards": [ … ] }</c>.</summary>
public sealed class CardDeck
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The cards in deck order.</summary>
    public IReadOnlyList<SimulatedCard> Cards { get; init; } = [];

    /// <summary>Reads a deck; throws <see cref="FormatException"/> with a Chinese reason for a bad file.</summary>
    public static CardDeck Load(string path)
    {
        try
        {
            var deck = JsonSerializer.Deserialize<CardDeck>(File.ReadAllText(path), Json) ?? throw new FormatException($"卡组文件 {path} 是空的");
            if (deck.Cards.Count == 0)
            {
                throw new FormatException($"卡组文件 {path} 中没有卡片（cards 为空）");
            }
            foreach (var card in deck.Cards)
            {
                _ = card.Text(); // a field too long for its place on the chip is refused here, not mid-read
            }
            return deck;
        }
        catch (JsonException e)
        {
            throw new FormatException($"卡组文件 {path} 格式有误（第{e.LineNumber + 1}行）：{e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"卡组文件 {path} 中有字段超长：{e.Message}", e);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Terminal.Storage.Store;

namespace Terminal.Dock.Push;

/// <summary>
/// One push from the host, sent after the pull in the same sealed session:
/// <code>Push (9): id (16, big-endian GUID) | kind (1) | JSON body</code>
/// The id makes it idempotent: sent again after a lost answer, it is not applied twice.
/// </summary>
public sealed record PushItem(Guid Id, PushKind Kind, ReadOnlyMemory<byte> Body)
{
    /// <summary>Largest JSON body: a push travels in one frame. Bigger roster updates are split (<see cref="InitialData"/>).</summary>
    public const int MaxBody = 200 * 1024;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>The host's clock now.</summary>
    public static PushItem Clock(DateTimeOffset hostTime) => Of(PushKind.Clock, new ClockPush(hostTime));

    /// <summary>Operator accounts to add, re-PIN or remove.</summary>
    public static PushItem Operators(IReadOnlyList<OperatorUpdate> operators) => Of(PushKind.Operators, new OperatorsPush(operators));

    /// <summary>
    /// The correction list of a collection point, as few pushes as fit <see cref="MaxBody"/> each (the first replaces
    /// the terminal's list, the rest add to it). An empty list is one push, which empties the terminal's.
    /// </summary>
    public static IReadOnlyList<PushItem> Corrections(string collectionPoint, IReadOnlyList<CorrectionItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var parts = new List<List<CorrectionItem>> { new() };
        var size = 0;
        foreach (var item in items)
        {
            var itemSize = JsonSerializer.SerializeToUtf8Bytes(item, Json).Length + 1;
            if (itemSize > MaxBody - 1024)
            {
                throw new ArgumentException($"correction item {item.RecordId} alone is over {MaxBody} bytes", nameof(items));
            }
            if (size + itemSize > MaxBody - 1024 && parts[^1].Count > 0)
            {
                parts.Add([]);
                size = 0;
            }
            parts[^1].Add(item);
            size += itemSize;
        }
        return [.. parts.Select((part, i) => Of(PushKind.Corrections, new CorrectionsPush(collectionPoint, part, i + 1, parts.Count)))];
    }

    /// <summary>A roster update as one push per <paramref name="perPush"/> entries (each applied atomically; removals go with the first).</summary>
    public static IReadOnlyList<PushItem> InitialData(IReadOnlyList<InitialDataEntry> upserts, IReadOnlyList<string> removed, int perPush = 500)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(removed);
        var pushes = new List<PushItem>();
        var batches = upserts.Chunk(perPush).ToList();
        if (batches.Count == 0)
        {
            batches.Add([]);
        }
        for (var i = 0; i < batches.Count; i++)
        {
            pushes.Add(Of(PushKind.InitialData, new InitialDataPush(batches[i], i == 0 ? removed : [])));
        }
        return pushes;
    }

    /// <summary>The body as <typeparamref name="T"/>; throws <see cref="JsonException"/> when it is not one.</summary>
    public T Read<T>() => JsonSerializer.Deserialize<T>(Body.Span, Json) ?? throw new JsonException("empty push body");

    /// <summary>The message bytes (type byte included).</summary>
    internal byte[] Encode()
    {
        var message = new byte[1 + 16 + 1 + Body.Length];
        message[0] = (byte)Pull.DockMessageType.Push;
        Id.TryWriteBytes(message.AsSpan(1, 16), bigEndian: true, out _);
        message[17] = (byte)Kind;
        Body.Span.CopyTo(message.AsSpan(18));
        return message;
    }

    /// <summary>A push from a message body (after the type byte).</summary>
    internal static PushItem Decode(ReadOnlySpan<byte> body) => body.Length >= 17 && Enum.IsDefined((PushKind)body[16])
        ? new PushItem(new Guid(body[..16], bigEndian: true), (PushKind)body[16], body[17..].ToArray())
        : throw new FormatException("malformed push");

    /// <summary>PushAck (10): id (16) | kind (1) | status (1) | UTF-8 message.</summary>
    internal static byte[] EncodeAck(PushAck ack)
    {
        var text = System.Text.Encoding.UTF8.GetBytes(ack.Message);
        var message = new byte[1 + 18 + text.Length];
        message[0] = (byte)Pull.DockMessageType.PushAck;
        ack.Id.TryWriteBytes(message.AsSpan(1, 16), bigEndian: true, out _);
        message[17] = (byte)ack.Kind;
        message[18] = (byte)ack.Status;
        text.CopyTo(message, 19);
        return message;
    }

    internal static PushAck DecodeAck(ReadOnlySpan<byte> body) => body.Length >= 18 && Enum.IsDefined((PushStatus)body[17])
        ? new PushAck(new Guid(body[..16], bigEndian: true), (PushKind)body[16], (PushStatus)body[17], System.Text.Encoding.UTF8.GetString(body[18..]))
        : throw new FormatException("malformed push answer");

    private static PushItem Of<T>(PushKind kind, T body)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, Json);
        return json.Length <= MaxBody
            ? new PushItem(Guid.NewGuid(), kind, json)
            : throw new ArgumentException($"a {kind} push carries at most {MaxBody} bytes of JSON; split it", nameof(body));
    }

}

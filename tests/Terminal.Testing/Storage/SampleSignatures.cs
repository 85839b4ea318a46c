using System.Globalization;
using System.Text;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Storage.Store;

namespace Terminal.Testing.Storage;

/// <summary>A subject's signature as the workflow keeps it on the terminal: the strokes as data and the rendered image, saved with the draft.</summary>
public static class SampleSignatures
{
    /// <summary>
    /// Saves a signature's strokes (canonical JSON of pen points, as the signature pad's SignatureInk writes them) and a
    /// rendered image with the draft in <paramref name="store"/>, and returns the record signed for exactly its
    /// current content with their hashes.
    /// </summary>
    public static Record Sign(TerminalStore store, Record record, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(record);
        var random = new Random(seed);
        var text = new StringBuilder("{\"height\":7000,\"maxPressure\":1023,\"strokes\":[[");
        for (var i = 0; i < 40; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}[{1000 + (i * 90)},{3000 + random.Next(-400, 400)},{random.Next(200, 900)},{i * 8}]");
        }
        text.Append("]],\"width\":10000}");
        var strokes = Encoding.UTF8.GetBytes(text.ToString());
        var image = new byte[2400];
        random.NextBytes(image);
        "\x89PNG\r\n\x1a\n"u8.ToArray().CopyTo(image, 0);
        var strokesSha = store.SavePhoto(record.RecordId, strokes);
        var imageSha = store.SavePhoto(record.RecordId, image);
        return record with
        {
            Signature = new SignatureReference(RecordSerializer.ContentHash(record with { Signature = null }), strokesSha, imageSha,
                new DateTimeOffset(2018, 11, 5, 10, 30, 0, TimeSpan.FromHours(6))),
        };
    }
}

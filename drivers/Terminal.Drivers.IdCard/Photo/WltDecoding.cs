namespace Terminal.Drivers.IdCard.Photo;

/// <summary>What became of decoding a chip photo (WLT) into an image.</summary>
public abstract record WltDecoding(string Message)
{
    /// <summary>Decoded: a 102 × 126 24-bit BMP (38,862 bytes).</summary>
    public sealed record Decoded(byte[] Bitmap) : WltDecoding("身份证照片已解码");

    /// <summary>No decoder on this device: the raw chip photo is kept and the record says so.</summary>
    public sealed record NotInstalled(string Reason) : WltDecoding(Reason);

    /// <summary>The decoder is there but refused this photo.</summary>
    public sealed record Failed(string Reason) : WltDecoding(Reason);
}

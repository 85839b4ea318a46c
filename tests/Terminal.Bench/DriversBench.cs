using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SkiaSharp;
using Terminal.Drivers.Camera.Photo;
using Terminal.Drivers.Camera.Tests;
using Terminal.Drivers.SignaturePad.Serial;
using Terminal.Drivers.SignaturePad.Strokes;

namespace Terminal.Bench;

/// <summary>
/// The camera's and the signature pad's figures (issue 5): photo normalisation per kind against one plain
/// decode-and-encode of the same still; signature rendering against encoding a blank PNG of the same size; and the
/// frame rate vivid delivers in the kernel rig against the rate the driver asked for.
/// </summary>
internal static partial class DriversBench
{
    private const int Runs = 20;

    public static IReadOnlyList<BenchRow> Run(TextWriter log)
    {
        var rows = new List<BenchRow>();
        using var portrait = TestImages.Portrait(1280, 720);
        var still = TestImages.Jpeg(portrait, 92);
        var plain = Median(Runs, () =>
        {
            using var decoded = SKBitmap.Decode(still);
            using var data = decoded.Encode(SKEncodedImageFormat.Jpeg, 90);
            GC.KeepAlive(data);
        });
        var normaliser = new PhotoNormaliser();
        foreach (var kind in new[] { PhotoKind.PersonalPhoto, PhotoKind.IdCardPhoto, PhotoKind.ChipPhoto })
        {
            FramingRectangle? framing = kind == PhotoKind.PersonalPhoto ? FramingRectangle.PortraitOn16By9 : null;
            var photo = normaliser.Normalise(still, kind, framing) as PhotoResult.Accepted
                ?? throw new InvalidOperationException($"the bench's still was not accepted as {kind}");
            var time = Median(Runs, () => GC.KeepAlive(normaliser.Normalise(still, kind, framing)));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  camera: {kind} from a 1280x720 still ({still.Length:N0} bytes): {photo.Photo.Jpeg.Length:N0} bytes, {photo.Photo.Width}x{photo.Photo.Height}, quality {photo.Photo.Quality}, {time:0.0} ms"));
            rows.Add(new BenchRow($"camera: normalise a 1280x720 still to {kind} (≤ {PhotoSpec.For(kind).MaxBytes / 1024} KB)", time, "ms", plain, "one decode + encode at q90", null));
        }

        var recorder = new StrokeRecorder(15200, 9500, 511);
        var t = 0;
        foreach (var sample in PadSimulator.SampleSignature())
        {
            recorder.Add(sample, t += 5);
        }
        var ink = recorder.Ink();
        var png = SignatureRenderer.RenderPng(ink);
        var render = Median(Runs * 5, () => GC.KeepAlive(SignatureRenderer.RenderPng(ink)));
        var blank = Median(Runs * 5, () =>
        {
            using var bitmap = new SKBitmap(600, 240);
            bitmap.Erase(SKColors.White);
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            GC.KeepAlive(data);
        });
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  signature pad: {ink.Strokes.Count} strokes, {ink.Strokes.Sum(s => s.Count)} points rendered to a 600x240 PNG of {png.Length:N0} bytes in {render:0.00} ms"));
        rows.Add(new BenchRow("signature pad: render the sample signature to a 600x240 PNG", render, "ms", blank, "encoding a blank PNG of that size", null));
        rows.Add(CameraRate(log));
        return rows;
    }

    /// <summary>
    /// Boots the kernel rig for one test (tests/rig/kernel-tier.sh with RIG_PROJECTS/RIG_FILTER) and reads the rate
    /// vivid delivered that the test printed ("BENCH camera-rate measured=… requested=…").
    /// </summary>
    private static BenchRow CameraRate(TextWriter log)
    {
        var root = RepositoryRoot();
        var results = Path.Combine(Path.GetTempPath(), "bench-rig-" + Guid.NewGuid().ToString("N")[..8]);
        var start = new ProcessStartInfo(Path.Combine(root, "tests", "rig", "kernel-tier.sh"), results) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.Environment["RIG_PROJECTS"] = "tests/Terminal.Drivers.Camera.Tests";
        start.Environment["RIG_FILTER"] = "Name~Stream_TwelveFrames";
        log.WriteLine("  camera: booting the kernel rig for vivid's frame rate (2-4 minutes)...");
        using var rig = Process.Start(start) ?? throw new InvalidOperationException("cannot start tests/rig/kernel-tier.sh");
        var stderr = rig.StandardError.ReadToEndAsync();
        _ = rig.StandardOutput.ReadToEnd();
        rig.WaitForExit();
        try
        {
            var trx = Path.Combine(results, "Terminal.Drivers.Camera.Kernel.trx");
            if (rig.ExitCode != 0 || !File.Exists(trx))
            {
                throw new InvalidOperationException("the kernel rig could not run: " + stderr.Result.Trim());
            }
            var match = BenchLine().Match(File.ReadAllText(trx));
            if (!match.Success)
            {
                throw new InvalidOperationException($"the rig's camera test printed no rate (see {trx})");
            }
            var measured = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var requested = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  camera: vivid delivered {measured:0.0} frames/s of {match.Groups[3].Value} bytes where {requested:0} were asked for (software emulation)"));
            return new BenchRow("camera: frames/s from vivid in the kernel rig (640x360 YUYV)", measured, "frames/s", requested, "the rate the driver asked for", null);
        }
        finally
        {
            if (Directory.Exists(results))
            {
                Directory.Delete(results, recursive: true);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Terminal.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("the bench is not inside the repository");
    }

    /// <summary>The median of <paramref name="runs"/> timings (milliseconds), after one warm-up run.</summary>
    private static double Median(int runs, Action action)
    {
        action();
        var times = new double[runs];
        var clock = new Stopwatch();
        for (var i = 0; i < runs; i++)
        {
            clock.Restart();
            action();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }

    [GeneratedRegex(@"BENCH camera-rate measured=([0-9.]+) requested=([0-9.]+) frame-bytes=([0-9]+)")]
    private static partial Regex BenchLine();
}

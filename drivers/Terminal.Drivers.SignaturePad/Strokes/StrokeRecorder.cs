namespace Terminal.Drivers.SignaturePad.Strokes;

/// <summary>Turns pen samples into strokes: the tip going down starts a stroke, moving with it down adds points, lifting ends it.</summary>
public sealed class StrokeRecorder
{
    private readonly List<IReadOnlyList<InkPoint>> _strokes = [];
    private List<InkPoint>? _current;
    private readonly int _width;
    private readonly int _height;
    private readonly int _maxPressure;

    /// <summary>A recorder for a tablet of the given size and pressure range.</summary>
    public StrokeRecorder(int width, int height, int maxPressure)
    {
        _width = width;
        _height = height;
        _maxPressure = maxPressure;
    }

    /// <summary>Adds a sample taken <paramref name="milliseconds"/> after the signature began.</summary>
    public void Add(PenSample sample, int milliseconds)
    {
        if (sample.TipDown && sample.X <= _width && sample.Y <= _height)
        {
            _current ??= [];
            if (_current.Count == 0 || _current[^1].X != sample.X || _current[^1].Y != sample.Y || _current[^1].Pressure != sample.Pressure)
            {
                _current.Add(new InkPoint(sample.X, sample.Y, Math.Clamp(sample.Pressure, 0, _maxPressure), milliseconds));
            }
        }
        else if (_current is not null)
        {
            _strokes.Add(_current);
            _current = null;
        }
    }

    /// <summary>Starts over (the subject asked to sign again).</summary>
    public void Clear()
    {
        _strokes.Clear();
        _current = null;
    }

    /// <summary>The signature so far (a stroke still being drawn is included).</summary>
    public SignatureInk Ink() => new(_width, _height, _maxPressure, _current is null ? [.. _strokes] : [.. _strokes, _current]);
}

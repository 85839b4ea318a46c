using Microsoft.Extensions.Options;
using Terminal.Host.Configuration;
using Terminal.Host.Reports.Pdf;

namespace Terminal.Host.Reports;

/// <summary>
/// The reports' CJK font, loaded once from the settings at the first PDF and kept; PDFs are written one at a time
/// (the reports library has not been tested writing several at once with one font). A font that cannot be had is
/// not cached: installing it makes the next download work without a restart.
/// </summary>
internal sealed class ReportFontHolder(IOptions<ReportsOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ReportFont? _font;

    /// <summary>Runs <paramref name="write"/> with the font, alone. Throws <see cref="ReportFontException"/> (Chinese) without a font.</summary>
    public async Task<T> WithFontAsync<T>(Func<ReportFont, T> write, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var settings = options.Value;
            _font ??= ReportFont.Find(string.IsNullOrWhiteSpace(settings.FontPath) ? null : settings.FontPath, settings.FontIndex);
            return write(_font);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _font?.Dispose();
        _gate.Dispose();
    }
}

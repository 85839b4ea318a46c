using Microsoft.Extensions.Logging;
using Terminal.Drivers.Camera.Capture;
using Terminal.Drivers.Camera.Photo;
using Terminal.Firmware.Collection;
using Terminal.Firmware.Web;
using Terminal.Records.Model;
using Terminal.Records.Rules;
using DriverKind = Terminal.Drivers.Camera.Photo.PhotoKind;
using RecordKind = Terminal.Records.Model.PhotoKind;

namespace Terminal.Firmware.Photos;

/// <summary>
/// The photos of a collection (seed 001 §五(二) 照片标准要求; §四(三)2(1) "拍摄本人免冠照片"): the live preview, and a
/// capture that is normalised by <see cref="PhotoNormaliser"/> (framing crop, darkness and blur checks, the size limit),
/// checked against the record model's <see cref="PhotoLimits"/>, saved sealed in the store and attached to the draft
/// — replacing the photo it retakes. A rejection comes back in Chinese, saying what to do.
/// </summary>
public sealed class PhotoService : IDisposable
{
    /// <summary>The framing guide drawn over the preview (the subject's head and shoulders inside it).</summary>
    public static FramingRectangle PortraitFraming { get; } = FramingRectangle.PortraitOn16By9;

    /// <summary>The step a draft is saved at on the photo page.</summary>
    public const string Step = "photos";

    private readonly TerminalState _state;
    private readonly TerminalAppOptions _options;
    private readonly ILogger<PhotoService> _log;
    private readonly PhotoNormaliser _normaliser = new();
    private readonly Lock _gate = new();
    private ICameraSource? _source;
    private byte[] _preview = [];
    private string? _problem;

    /// <summary>The camera the options name (or the demo camera when they ask for it).</summary>
    public PhotoService(TerminalState state, TerminalAppOptions options, ILogger<PhotoService> log)
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>True when the demo camera is in use (its pictures are made up).</summary>
    public bool IsDemo => _options.DemoCamera;

    /// <summary>The camera in use, as the page names it.</summary>
    public string CameraName
    {
        get
        {
            lock (_gate)
            {
                return _source?.Name ?? (IsDemo ? "演示摄像头（模拟画面，不是真实拍摄）" : $"摄像头 {_options.Camera.DevicePath}");
            }
        }
    }

    /// <summary>The camera's state for the worker: ready, or what is wrong and what to do.</summary>
    public string State
    {
        get
        {
            lock (_gate)
            {
                if (_problem is not null)
                {
                    return _problem;
                }
                return _source is not null || IsDemo || File.Exists(_options.Camera.DevicePath) ? "摄像头已就绪" : $"未找到摄像头（{_options.Camera.DevicePath}）：请检查摄像头连线";
            }
        }
    }

    /// <summary>The newest preview frame as JPEG, or null when the camera gives none (<see cref="State"/> says why).</summary>
    public byte[]? Preview()
    {
        lock (_gate)
        {
            if (Source() is not { } source)
            {
                return null;
            }
            if (_preview.Length < source.PreviewBufferSize)
            {
                _preview = new byte[source.PreviewBufferSize];
            }
            var frame = source.ReadPreview(_preview);
            if (!frame.HasFrame)
            {
                Failed(source, frame.Error, frame.Message);
                return null;
            }
            _problem = null;
            return _preview.AsSpan(0, frame.Length).ToArray();
        }
    }

    /// <summary>
    /// Takes a photo of <paramref name="kind"/> for the draft <paramref name="recordId"/>, replacing
    /// <paramref name="retakes"/> (the SHA-256 of the photo being retaken) or, for the personal photo, the one taken
    /// before. Throws <see cref="CollectionRefusedException"/> with the Chinese reason when it cannot be used.
    /// </summary>
    public PhotoReference Capture(Guid recordId, RecordKind kind, string? label, string? retakes)
    {
        var store = _state.Store ?? throw new CollectionRefusedException(_state.StoreProblem ?? "终端存储无法打开：请联系技术人员。");
        var draft = store.LoadDraft(recordId) ?? throw new CollectionRefusedException("没有找到这条采集记录：请回到首页重新开始。");
        if (kind is not (RecordKind.PersonalPhoto or RecordKind.DocumentPhoto or RecordKind.IdCardPhoto))
        {
            throw new CollectionRefusedException("这种照片不能用摄像头拍摄。");
        }
        if (kind == RecordKind.DocumentPhoto && string.IsNullOrWhiteSpace(label))
        {
            throw new CollectionRefusedException("请先写明拍的是哪份证件材料（例如“退伍证”“户口本首页”），再拍照。");
        }
        byte[] still;
        lock (_gate)
        {
            var source = Source() ?? throw new CollectionRefusedException(State);
            switch (source.CaptureStill())
            {
                case CaptureResult.Captured captured:
                    still = captured.Jpeg;
                    break;
                case CaptureResult.Failed failed:
                    Failed(source, failed.Error, failed.Message);
                    throw new CollectionRefusedException(failed.Message);
                default:
                    throw new InvalidOperationException("unknown capture result");
            }
        }
        var driverKind = kind switch
        {
            RecordKind.PersonalPhoto => DriverKind.PersonalPhoto,
            RecordKind.IdCardPhoto => DriverKind.IdCardPhoto,
            _ => DriverKind.DocumentPhoto,
        };
        var result = _normaliser.Normalise(still, driverKind, kind == RecordKind.PersonalPhoto ? PortraitFraming : null);
        if (result is not PhotoResult.Accepted { Photo: var photo })
        {
            throw new CollectionRefusedException($"{PhotoLimits.Name(kind)}不能使用：{result.Message}");
        }
        if (PhotoLimits.Check(kind, photo.Jpeg) is { } problem)
        {
            throw new CollectionRefusedException(problem);
        }
        var sha256 = store.SavePhoto(recordId, photo.Jpeg);
        var reference = new PhotoReference(kind, sha256, photo.Jpeg.Length, PhotoLimits.Jpeg, photo.Width, photo.Height,
            kind == RecordKind.DocumentPhoto ? label!.Trim() : null);
        var photos = draft.Record.Photos.Where(p => p.Sha256 != retakes && !(kind == RecordKind.PersonalPhoto && p.Kind == kind) && p.Sha256 != sha256);
        store.SaveDraft(draft.Record with { Photos = [.. photos, reference] }, Step);
        return reference;
    }

    /// <summary>Takes a photo off the draft (删除).</summary>
    public void Remove(Guid recordId, string sha256)
    {
        var store = _state.Store!;
        if (store.LoadDraft(recordId) is { } draft && draft.Record.Photos.Any(p => p.Sha256 == sha256))
        {
            store.SaveDraft(draft.Record with { Photos = [.. draft.Record.Photos.Where(p => p.Sha256 != sha256)] }, Step);
        }
    }

    /// <summary>The demo camera, when it is the one in use (for the lens switch).</summary>
    public DemoCameraSource? Demo
    {
        get
        {
            lock (_gate)
            {
                return Source() as DemoCameraSource;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _source?.Dispose();
            _source = null;
        }
    }

    private ICameraSource? Source()
    {
        if (_source is not null)
        {
            return _source;
        }
        if (IsDemo)
        {
            return _source = new DemoCameraSource(_options.Camera);
        }
        switch (CameraSession.Open(_options.Camera))
        {
            case CameraOpenResult.Opened opened:
                _problem = null;
                return _source = new V4l2CameraSource(opened.Session, _options.Camera.DevicePath);
            case CameraOpenResult.Failed failed:
                _problem = failed.Message;
                _log.LogWarning("camera {Device} could not be opened: {Error} {Detail}", _options.Camera.DevicePath, failed.Error, failed.Detail);
                return null;
            default:
                return null;
        }
    }

    private void Failed(ICameraSource source, CameraError? error, string message)
    {
        _problem = message;
        if (error is CameraError.Unplugged or CameraError.DeviceError)
        {
            source.Dispose(); // the next call opens a new session
            _source = null;
        }
    }
}

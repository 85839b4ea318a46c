using Terminal.Drivers.IdCard.Protocol;
using Terminal.Records.Forms;
using Terminal.Records.Identity;
using Terminal.Records.Model;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Collection;

/// <summary>
/// The start of a collection (seed 001 §三(一): "用采集设备读取身份证后…自动产生采集所需信息"): the card read (or the ID
/// number typed when the card is missing), the subject looked up in the initial data, and a draft saved at once so
/// that nothing is lost if the power goes. Every card read is audited (without the number in the clear).
/// </summary>
public sealed class CollectionWorkflow
{
    /// <summary>The step name of the first page of a collection.</summary>
    public const string IdentityStep = "identity";

    private readonly TerminalState _state;
    private readonly TimeProvider _time;

    /// <summary>Works on the app's store.</summary>
    public CollectionWorkflow(TerminalState state, TimeProvider time)
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Begins with a card the reader read: its fields come from the chip.</summary>
    public CollectionStart BeginFromCard(CardData card, CollectionMode mode)
    {
        ArgumentNullException.ThrowIfNull(card);
        var fields = CardIdentityFields.From(card.Identity);
        return Begin(card.Identity.IdNumber, fields, FieldSource.Chip, mode);
    }

    /// <summary>
    /// Begins with an ID number typed by the worker (no card, or the card unreadable): recorded as typed. Throws
    /// <see cref="CollectionRefusedException"/> with the Chinese reason when the number is not valid.
    /// </summary>
    public CollectionStart BeginFromTypedNumber(string idNumber, CollectionMode mode)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        var today = Today;
        if (!IdNumber.TryParse(idNumber, today, out var number, out var error))
        {
            throw new CollectionRefusedException(error.Message);
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["identity.documentType"] = "1",
            ["identity.idNumber"] = number.Value,
            ["identity.birthDate"] = FieldValueFormat.FormatDate(number.BirthDate),
        };
        return Begin(number.Value, fields, FieldSource.Operator, mode);
    }

    /// <summary>
    /// Begins with a person of the initial data chosen from the home page's list (入户采集: the worker visits someone
    /// who cannot come): the ID number and what the roster holds come from the initial data.
    /// </summary>
    public CollectionStart BeginFromInitialData(string idNumber, CollectionMode mode)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        var store = _state.Store ?? throw new CollectionRefusedException(_state.StoreProblem ?? "终端存储无法打开：请联系技术人员。");
        if (store.FindInitialData(idNumber) is null || !IdNumber.TryParse(idNumber, Today, out var number, out _))
        {
            throw new CollectionRefusedException("初始数据中没有这个人：请回到首页刷新名单后再选。");
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["identity.documentType"] = "1",
            ["identity.idNumber"] = number.Value,
            ["identity.birthDate"] = FieldValueFormat.FormatDate(number.BirthDate),
        };
        return Begin(number.Value, fields, FieldSource.InitialData, mode);
    }

    private DateOnly Today => DateOnly.FromDateTime(_time.GetLocalNow().DateTime);

    private CollectionStart Begin(string idNumber, IReadOnlyDictionary<string, string> identity, FieldSource source, CollectionMode mode)
    {
        var store = _state.Store ?? throw new CollectionRefusedException(_state.StoreProblem ?? "终端存储无法打开：请联系技术人员。");
        store.RecordCardRead(idNumber);
        var open = store.Drafts().FirstOrDefault(d => d.Record.Text("identity.idNumber") == idNumber);
        if (open is not null)
        {
            return new CollectionStart(open.Record.RecordId, SubjectStatus.DraftOpen);
        }
        var record = new Record
        {
            RecordId = Guid.NewGuid(),
            FormVersion = FormDefinitions.Current.Version,
            Mode = mode,
            CollectedOn = Today,
            TerminalId = store.TerminalId,
            OperatorId = store.OperatorId ?? throw new CollectionRefusedException("请先登录：输入工号和 PIN 后再操作。"),
            CollectionPointCode = _state.Options.CollectionPointCode,
        };
        var status = store.HasCollected(idNumber) ? SubjectStatus.AlreadyCollected : SubjectStatus.New;
        if (status == SubjectStatus.New && store.FindInitialData(idNumber) is { } known)
        {
            status = SubjectStatus.InInitialData;
            foreach (var (field, value) in known.Values)
            {
                record = record.With(field, value, FieldSource.InitialData);
            }
            record = record.With("identity.name", known.Name, FieldSource.InitialData);
        }
        foreach (var (field, value) in identity)
        {
            record = record.With(field, value, source);
        }
        if (status != SubjectStatus.AlreadyCollected)
        {
            store.SaveDraft(record, IdentityStep);
        }
        return new CollectionStart(record.RecordId, status);
    }
}

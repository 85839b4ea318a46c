using Terminal.Firmware.Collection;
using Terminal.Records.Forms;
using Terminal.Storage.Store;

namespace Terminal.Firmware.Corrections;

/// <summary>
/// The correction round trip on the terminal (数据补缺, seed 000 §七 第二阶段 "对问题数据和缺失数据及时修订和补充"): the
/// list the district sent at the last docking, and an item opened as a draft of version N+1 — the reviewed values,
/// categories and photos, this terminal and the operator logged in, today — at the first page concerned. The worker
/// corrects it with the subject, who signs again (<see cref="Signing.SignatureWorkflow"/>), and finalize seals it like
/// any record.
/// </summary>
public sealed class CorrectionWorkflow
{
    private readonly TerminalState _state;
    private readonly TimeProvider _time;

    /// <summary>Works on the app's store.</summary>
    public CorrectionWorkflow(TerminalState state, TimeProvider time)
    {
        _state = state ?? throw new ArgumentNullException(nameof(state));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The list with each item's state, subject and fields, in the order the district sent it.</summary>
    public IReadOnlyList<CorrectionSummary> List()
    {
        var form = FormDefinitions.Current;
        return [.. Store.CorrectionList().Select(entry =>
        {
            var labels = entry.Item.FieldPaths.Select(p => CorrectionFields.Label(p, form)).ToList();
            try
            {
                var reviewed = TerminalStore.ReviewedRecordOf(entry.Item);
                return new CorrectionSummary(entry, reviewed.Text("identity.name") ?? "（姓名未填）", labels, null);
            }
            catch (StoreException e) when (e.Error == StoreError.CorrectionUnreadable)
            {
                return new CorrectionSummary(entry, "（无法读取）", labels, e.Message);
            }
        })];
    }

    /// <summary>
    /// Opens the item for version <paramref name="version"/> of <paramref name="recordId"/>: the draft of version N+1
    /// (begun now, or as last saved). Throws <see cref="CollectionRefusedException"/> (Chinese) when it cannot be
    /// opened: the reviewed record is empty or damaged (dock again), it was corrected already, and so on.
    /// </summary>
    public Draft Open(Guid recordId, int version)
    {
        var store = Store;
        var operatorId = store.OperatorId ?? throw new CollectionRefusedException("请先登录：输入工号和 PIN 后再操作。");
        var today = DateOnly.FromDateTime(_time.GetLocalNow().DateTime);
        try
        {
            var item = store.Corrections().FirstOrDefault(i => i.RecordId == recordId && i.Version == version)
                ?? throw new CollectionRefusedException("待补正清单中没有这一项：请回到“待补正”清单查看，或重新对接以接收最新清单。");
            // a new draft opens on the first page concerned (a draft begun before opens where it was saved)
            var step = CorrectionFields.FirstStep(item.FieldPaths, TerminalStore.ReviewedRecordOf(item), FormDefinitions.Current);
            return store.BeginCorrection(recordId, version, reviewed => reviewed.NextVersion(store.TerminalId, operatorId, today), step);
        }
        catch (StoreException e) when (e.Error is StoreError.CorrectionUnreadable or StoreError.CorrectionRefused or StoreError.AlreadyFinalized)
        {
            throw new CollectionRefusedException(e.Message, e);
        }
    }

    private TerminalStore Store => _state.Store ?? throw new CollectionRefusedException(_state.StoreProblem ?? "终端存储无法打开：请联系技术人员。");
}

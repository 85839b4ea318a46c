using Terminal.Drivers.IdCard.Protocol;
using Terminal.Drivers.IdCard.Simulator;
using Terminal.Drivers.IdCard.Transport;
using Terminal.Drivers.SignaturePad.Serial;
using Terminal.Drivers.SignaturePad.Strokes;
using Terminal.Firmware.Collection;
using Terminal.Firmware.Signing;
using Terminal.Firmware.Web;
using Terminal.Records.Model;
using Terminal.Records.Serialization;

namespace Terminal.Testing.Soak;

/// <summary>What one terminal's collection did.</summary>
public sealed record TerminalDayCounts(int Subjects, int Faults, int Retries, int Restarts, int DraftsResumed);

/// <summary>
/// One terminal's day of collection through the real workflow code: each subject's card read by the real driver
/// over a pty from the card simulator (card faults answered by placing the card again), the draft begun from the
/// card, the categories and the fields the card did not give filled, the personal photo, the signature, the
/// finalize; a power cut abandons the app state mid-draft and the app starts again on the same store.
/// A step that does not do what the field worker expects throws <see cref="InvalidOperationException"/>.
/// </summary>
public static class TerminalDay
{
    public const string Operator = "op-0401";
    public const string Pin = "246810";

    public static async Task<TerminalDayCounts> CollectAsync(TerminalAppOptions appOptions, IReadOnlyList<Record> subjects, SoakPlan plan, Random random, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appOptions);
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(random);
        int faults = 0, retries = 0, restarts = 0, resumed = 0;
        // a stream of its own for each kind of chance, so that one's draws do not shape the others'
        var cardChance = new Random(random.Next());
        var powerChance = new Random(random.Next());
        var photoBytes = new Random(random.Next());
        var simulator = new IdCardReaderSimulator(new CardDeck { Cards = [.. subjects.Select(SoakSubjects.CardOf)] }, seed: random.Next());
        using var pty = PtyPair.Start();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var device = SimulatorPort.Open(pty.DeviceEnd, 115200);
        var running = Task.Run(() => simulator.RunAsync(device, stop.Token), CancellationToken.None);
        var readerOptions = new IdCardReaderOptions { PortName = pty.HostEnd };
        var state = LoggedIn(appOptions);
        try
        {
            await using var port = SerialSamConnection.Open(readerOptions);
            var reader = new IdCardReader(port, readerOptions);
            for (var i = 0; i < subjects.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var subject = subjects[i];
                // the card placed, perhaps with a fault the field worker answers by placing it again
                var fault = plan.CardFaults ? cardChance.Next(4) : 0;
                if (fault == 1)
                {
                    simulator.Remove(); // no card on the reader yet
                }
                else
                {
                    simulator.Place(i);
                    if (fault == 2)
                    {
                        simulator.Inject(ReaderFault.WrongChecksum);
                    }
                    else if (fault == 3)
                    {
                        simulator.Inject(ReaderFault.CardRemovedMidRead);
                    }
                }
                faults += fault == 0 ? 0 : 1;
                CardData? card = null;
                var problems = new List<string>();
                for (var attempt = 0; card is null; attempt++)
                {
                    if (attempt == 6)
                    {
                        throw new InvalidOperationException($"the card of subject {i} could not be read: " + string.Join(" | ", problems));
                    }
                    var result = await reader.ReadCardAsync(cancellationToken).ConfigureAwait(false);
                    if (result is CardReadResult.Read read)
                    {
                        card = read.Card;
                    }
                    else
                    {
                        retries++;
                        problems.Add(result.Message);
                        await port.DrainAsync(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false); // a late reply is not taken for the next one
                        simulator.Place(i); // 请把身份证放在读卡区 / 重新放置
                    }
                }
                if (card.Identity.IdNumber != subject.Text("identity.idNumber"))
                {
                    throw new InvalidOperationException($"subject {i}: the card read gave ID number {card.Identity.IdNumber}, not the subject's");
                }
                var start = new CollectionWorkflow(state, TimeProvider.System).BeginFromCard(card, CollectionMode.OnSite);
                if (plan.PowerCuts && powerChance.Next(5) == 0)
                {
                    // the power goes while the draft is open: the app starts again, the card is read again and the draft resumes
                    state.Dispose();
                    state = LoggedIn(appOptions);
                    restarts++;
                    var again = new CollectionWorkflow(state, TimeProvider.System).BeginFromCard(card, CollectionMode.OnSite);
                    if (again.Status != SubjectStatus.DraftOpen || again.RecordId != start.RecordId)
                    {
                        throw new InvalidOperationException($"subject {i}: after the power cut the draft did not resume ({again.Status}, record {again.RecordId} for {start.RecordId})");
                    }
                    resumed++;
                }
                Collect(state, start.RecordId, subject, photoBytes);
            }
        }
        finally
        {
            state.Dispose();
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await running.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // stopped
            }
            await device.DisposeAsync().ConfigureAwait(false);
        }
        return new TerminalDayCounts(subjects.Count, faults, retries, restarts, resumed);
    }

    private static TerminalState LoggedIn(TerminalAppOptions options)
    {
        var state = new TerminalState(options);
        if (state.Store is null)
        {
            state.Dispose();
            throw new InvalidOperationException("the terminal's store did not open: " + state.StoreProblem);
        }
        if (!state.Store.Login(Operator, Pin).Succeeded)
        {
            state.Dispose();
            throw new InvalidOperationException("the field worker could not log in");
        }
        return state;
    }

    /// <summary>The pages as the worker fills them: the categories and the fields the card did not give, the personal photo, the signature, the finalize.</summary>
    private static void Collect(TerminalState state, Guid recordId, Record subject, Random random)
    {
        var store = state.Store!;
        var draft = store.LoadDraft(recordId)!.Record with { Categories = subject.Categories };
        foreach (var (field, value) in subject.Values)
        {
            if (draft.Text(field) is null)
            {
                draft = draft.With(field, value.Value, FieldSource.Operator);
            }
        }
        var photo = new byte[4096];
        random.NextBytes(photo);
        var sha = store.SavePhoto(recordId, photo);
        draft = draft with { Photos = [new PhotoReference(PhotoKind.PersonalPhoto, sha, photo.Length, "image/jpeg", 720, 960)] };
        store.SaveDraft(draft, CollectionFlow.ReviewStep);
        var signing = new SignatureWorkflow(state, TimeProvider.System);
        signing.Accept(recordId, Ink(), RecordSerializer.ContentHash(draft));
        signing.Finalize(recordId);
    }

    private static SignatureInk Ink()
    {
        var recorder = new StrokeRecorder(15200, 9500, 511);
        var ms = 0;
        foreach (var sample in PadSimulator.SampleSignature())
        {
            recorder.Add(sample, ms += 5);
        }
        return recorder.Ink();
    }
}

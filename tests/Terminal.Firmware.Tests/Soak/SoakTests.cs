using System.Collections.Immutable;
using System.Globalization;
using Terminal.Drivers.IdCard.Protocol;
using Terminal.Drivers.IdCard.Simulator;
using Terminal.Drivers.IdCard.Transport;
using Terminal.Drivers.SignaturePad.Serial;
using Terminal.Drivers.SignaturePad.Strokes;
using Terminal.Firmware.Collection;
using Terminal.Firmware.Signing;
using Terminal.Firmware.Web;
using Terminal.Host.Dock;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Migrations;
using Terminal.Host.Storage.Model;
using Terminal.Records.Codes;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Dock.Handheld;
using Terminal.Dock.Session;
using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Testing;

namespace Terminal.Firmware.Tests.Soak;

/// <summary>
/// A shortened simulated day (issue 11): three provisioned terminals collect subjects through the real workflow
/// code (card read by the real driver over a pty from the card simulator, with card faults answered by retries;
/// form, photo, signature, finalize), with the app restarted mid-collection (the store reopened after it was
/// closed with a draft open), then each docks into one district host over a pty, the first docking of each cut
/// mid-transfer. Afterwards the host holds every record once, each signature matches its content, every
/// terminal's audit chain reached the host whole, the dashboard's counts agree and the outboxes are empty.
/// </summary>
[TestClass]
[TestCategory("Pty")]
public sealed class SoakTests
{
    private const string Operator = "op-0401";
    private const string Pin = "246810";

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task SimulatedDay_ThreeTerminalsTwelveSubjectsEach_HostHoldsEveryRecordOnce()
    {
        var folder = Path.Combine(Path.GetTempPath(), "soak-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var random = new Random(20261202);
            const int terminals = 3, perTerminal = 12;
            using var district = DistrictKeyPair.Generate(DistrictSuite.P256);
            using var dockKey = DockKeys.NewSigningKey();
            var database = DistrictDatabase.SqliteFile(Path.Combine(folder, "district.db"));
            await Migrator.MigrateAsync(database, CancellationToken.None);
            var host = new DistrictStore(database);
            foreach (var p in CollectionPoints.Of("650105"))
            {
                await host.SaveCollectionPointAsync(new CollectionPoint(p.Code, p.Name, p.Streets, 100));
            }
            var faults = 0;
            var retries = 0;
            var restarts = 0;
            var expected = new HashSet<string>(StringComparer.Ordinal);
            var storeFolders = new List<(string Id, string Folder)>();
            for (var t = 0; t < terminals; t++)
            {
                var terminalId = $"T650105-0{t + 1}";
                var storeFolder = Path.Combine(folder, terminalId);
                using (var recovery = RecoveryKey.Generate())
                using (var store = TerminalStore.Provision(new TerminalStoreOptions { Folder = storeFolder, Argon2id = Argon2idOptions.Cheap },
                    new TerminalProvisioning(terminalId, district.PublicKey, recovery, Operator, Pin, DockKeys.PublicPoint(dockKey))))
                {
                    await host.RegisterTerminalAsync(new TerminalRegistration(terminalId, $"650105-0{t + 1}", store.SigningPublicKey.ToArray(), DateTimeOffset.UtcNow));
                }
                storeFolders.Add((terminalId, storeFolder));
                var subjects = Enumerable.Range(t * perTerminal, perTerminal).Select(Subject).ToList();
                var deck = new CardDeck { Cards = subjects.Select(CardOf).ToList() };
                var simulator = new IdCardReaderSimulator(deck, seed: t + 1);
                using var pty = PtyPair.Start();
                using var stop = new CancellationTokenSource();
                var device = SimulatorPort.Open(pty.DeviceEnd, 115200);
                var running = Task.Run(() => simulator.RunAsync(device, stop.Token));
                var readerOptions = new IdCardReaderOptions { PortName = pty.HostEnd };
                var appOptions = new TerminalAppOptions { StoreFolder = storeFolder, CollectionPointCode = $"650105-0{t + 1}", DemoCamera = true };
                var state = LoggedIn(appOptions);
                await using (var port = SerialSamConnection.Open(readerOptions))
                {
                    var reader = new IdCardReader(port, readerOptions);
                    for (var i = 0; i < subjects.Count; i++)
                    {
                        var subject = subjects[i];
                        Assert.IsTrue(expected.Add(subject.Text("identity.idNumber")!), "each subject once");
                        // the card placed, perhaps with a fault the field worker answers by placing it again
                        var fault = random.Next(4);
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
                            Assert.IsLessThan(6, attempt, $"the card of subject {i} could not be read: " + string.Join(" | ", problems));
                            var result = await reader.ReadCardAsync();
                            if (result is CardReadResult.Read read)
                            {
                                card = read.Card;
                            }
                            else
                            {
                                retries++;
                                problems.Add(result.Message);
                                await port.DrainAsync(TimeSpan.FromMilliseconds(50)); // a late reply is not taken for the next one
                                simulator.Place(i); // 请把身份证放在读卡区 / 重新放置
                            }
                        }
                        Assert.AreEqual(subject.Text("identity.idNumber"), card.Identity.IdNumber);
                        var start = new CollectionWorkflow(state, TimeProvider.System).BeginFromCard(card, CollectionMode.OnSite);
                        if (random.Next(5) == 0)
                        {
                            // the power goes while the draft is open: the app starts again, the card is read again and the draft resumes
                            state.Dispose();
                            state = LoggedIn(appOptions);
                            restarts++;
                            var again = new CollectionWorkflow(state, TimeProvider.System).BeginFromCard(card, CollectionMode.OnSite);
                            Assert.AreEqual(SubjectStatus.DraftOpen, again.Status);
                            Assert.AreEqual(start.RecordId, again.RecordId);
                        }
                        Collect(state, start.RecordId, subject, random);
                    }
                }
                state.Dispose();
                await stop.CancelAsync();
                try
                {
                    await running;
                }
                catch (Exception e) when (e is OperationCanceledException or IOException)
                {
                    // stopped
                }
                await device.DisposeAsync();
            }

            // every terminal docks into the one host: the first docking's cable is pulled mid-transfer
            var stagingFolder = Path.Combine(folder, "staging");
            var staging = new FileDockStaging(stagingFolder);
            var log = new DockLog(Path.Combine(folder, "dock-log.txt"));
            var cuts = 0;
            foreach (var (terminalId, storeFolder) in storeFolders)
            {
                using var store = TerminalStore.Open(new TerminalStoreOptions { Folder = storeFolder, Argon2id = Argon2idOptions.Cheap });
                Assert.IsTrue(store.Login(Operator, Pin).Succeeded);
                var collected = store.AuditLog()[^1].Sequence; // the day's entries, before the dockings add their own
                var pulled = await DockAsync(host, dockKey, district, staging, stagingFolder, log, store, pullAfterBytes: 20_000);
                cuts += pulled ? 1 : 0;
                Assert.IsFalse(await DockAsync(host, dockKey, district, staging, stagingFolder, log, store, pullAfterBytes: null), $"{terminalId}: the second docking completes");
                Assert.IsEmpty(store.Outbox(), $"{terminalId}: the outbox is empty after the receipts");
                var lastThere = await host.LastAuditEntryAsync(terminalId);
                Assert.IsNotNull(lastThere, $"{terminalId}: its audit chain reached the host");
                Assert.IsGreaterThanOrEqualTo(collected, lastThere.Sequence, $"{terminalId}: the whole day's audit chain verified on the host");
                var same = store.AuditLog().Single(e => e.Sequence == lastThere.Sequence);
                Assert.AreEqual(Convert.ToHexStringLower(same.Hash.Span), lastThere.EntrySha256.ToLowerInvariant(), $"{terminalId}: the host's chain ends on the terminal's own entry");
            }
            Assert.IsGreaterThan(0, cuts, "at least one docking was cut");

            // the host holds every subject once, each signature bound to its content
            var total = 0;
            foreach (var idNumber in expected)
            {
                var found = await host.FindByIdNumberAsync(idNumber);
                Assert.HasCount(1, found, idNumber);
                var record = await host.RecordAsync(found[0].RecordId);
                Assert.IsNotNull(record?.Signature);
                Assert.AreEqual(record.Signature.ContentSha256, RecordSerializer.ContentHash(record), "the signature matches the record's content");
                var signature = await host.SignatureAsync(record.RecordId, found[0].Version);
                Assert.AreEqual(record.Signature.ContentSha256, signature!.ContentSha256);
                total++;
            }
            Assert.AreEqual(terminals * perTerminal, total);
            var counts = await host.CountsAsync();
            Assert.AreEqual(total, counts.Records, "the dashboard counts every record once");
            Assert.AreEqual(total, counts.RecordVersions);
            Assert.AreEqual(total, (await host.ProgressAsync()).Sum(p => p.Collected + p.NotOnRoster), "the progress per collection point adds up (no initial data here: all 名单外)");
            Assert.AreEqual(total, (await host.TerminalProgressAsync()).Sum(p => p.Records), "the progress per terminal adds up");
            Console.WriteLine($"soak: {total} subjects, {faults} card faults, {retries} card retries, {restarts} restarts, {cuts} cable pulls");
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // SQLite's handles may linger a moment
            }
        }
    }

    private static TerminalState LoggedIn(TerminalAppOptions options)
    {
        var state = new TerminalState(options);
        Assert.IsNotNull(state.Store, state.StoreProblem);
        Assert.IsTrue(state.Store.Login(Operator, Pin).Succeeded);
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

    /// <summary>One docking over a pty pair; true when the cable was pulled before it ended.</summary>
    private static async Task<bool> DockAsync(DistrictStore host, System.Security.Cryptography.ECDsa dockKey, DistrictKeyPair district,
        FileDockStaging staging, string stagingFolder, DockLog log, TerminalStore store, long? pullAfterBytes)
    {
        using var pty = PtyPair.Start();
        using var hostEnd = PtyPair.OpenSerial(pty.HostEnd, 115200);
        using var terminalEnd = PtyPair.OpenSerial(pty.DeviceEnd, 115200);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var docking = new HostDocking(host, dockKey, district, staging, log) { ChunkSize = 16 * 1024, AnswerTimeout = TimeSpan.FromSeconds(2) };
        var terminal = Task.Run(() => new HandheldDock(store).ServeOneAsync(terminalEnd.BaseStream, stop.Token));
        var run = docking.RunAsync(hostEnd.BaseStream, stop.Token);
        var pulled = false;
        if (pullAfterBytes is { } after)
        {
            while (!run.IsCompleted && StagedBytes(stagingFolder) < after)
            {
                await Task.Delay(2);
            }
            if (!run.IsCompleted)
            {
                pty.Unplug();
                pulled = true;
            }
        }
        try
        {
            await run;
        }
        catch (Exception) when (pulled)
        {
            // the docking broke off with the cable
        }
        try
        {
            await terminal.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (Exception) when (pulled)
        {
            // the terminal's side broke off too
        }
        return pulled;
    }

    private static long StagedBytes(string root) =>
        Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;

    private static readonly string[] Names = ["王芳", "李建华", "买买提·艾力", "古丽娜尔", "刘洋", "陈志强", "马秀兰", "阿依古丽·吐尔逊", "赵磊", "孙丽"];

    /// <summary>
    /// The n-th subject: the sample record (a disabled discharged soldier, valid to finalize) under another name and
    /// ID number; born on or a few days before the sample's birthday so that the service dates stay after the birth.
    /// Distinct for every n below 400 × 365.
    /// </summary>
    internal static Record Subject(int n)
    {
        var birth = new DateOnly(1965, 3, 12).AddDays(-(n / 400));
        return SampleRecords.DisabledDischargedSoldier()
            .With("identity.name", Names[n % Names.Length] + (n / Names.Length).ToString(CultureInfo.InvariantCulture))
            .With("identity.birthDate", birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .With("identity.idNumber", SampleRecords.IdNumberFor(birth, 11 + 2 * (n % 400)))
            .With("identity.address", $"新疆乌鲁木齐市水磨沟区南湖北路{100 + n % 37}号");
    }

    private static SimulatedCard CardOf(Record subject) => new()
    {
        Name = subject.Text("identity.name")!,
        Sex = subject.Text("identity.sex") ?? "1",
        Nation = subject.Text("identity.nation") ?? "01",
        Birth = DateOnly.Parse(subject.Text("identity.birthDate")!, CultureInfo.InvariantCulture).ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        Address = subject.Text("identity.address"),
        IdNumber = subject.Text("identity.idNumber")!,
        Authority = "乌鲁木齐市公安局水磨沟区分局",
        ValidFrom = "20200101",
        ValidUntil = "长期",
    };
}

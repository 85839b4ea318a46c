using System.Net;
using System.Text.Json;
using Terminal.Dock.Handheld;
using Terminal.Dock.Session;
using Terminal.Host.Cli;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Model;
using Terminal.Host.Tests.Web;
using Terminal.Records.Serialization;
using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Testing;
using Terminal.Testing.Dock;
using Terminal.Testing.Storage;

namespace Terminal.Host.Tests.Service;

/// <summary>
/// The correction round trip (数据补缺) end to end through the host program (a child process on its SQLite file) and a
/// provisioned terminal's store and dock over a pty pair as the cable, re-plugged for each docking: a record docked,
/// marked as problem data by a reviewer on the dashboard, the list pushed at the next docking with the reviewed record,
/// corrected on the terminal (version 2 of the same record, the photo kept by the district, signed again), docked back
/// as a new version beside the old one, and closed by the reviewer.
/// </summary>
[TestClass]
[TestCategory("Database")]
public sealed class CorrectionRoundTripTests
{
    private const string Passphrase = "区县密钥口令 for tests";
    private const string Reviewer = "reviewer1";
    private const string Password = "办公室密码-2018-ok";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task ProblemMarkedOnTheDashboard_IsCorrectedOnTheTerminalAndComesBackAsVersionTwoThenClosed()
    {
        using var temp = new TempFolder();
        var generated = await HostCliRun.RunAsync(["key", "generate", "--suite", "P256", "--out", temp.File("district.key"),
            "--passphrase-file", temp.Passphrase("district.key.passphrase", Passphrase), "--dpapi", "none", .. HostCliRun.CheapKdf]);
        Assert.AreEqual(HostCli.Done, generated.Code, generated.Error);
        var lines = generated.Output.Split('\n', StringSplitOptions.TrimEntries);
        var districtKey = DistrictPublicKey.Parse(lines.Single(l => l.StartsWith("P256:", StringComparison.Ordinal)));
        Assert.IsTrue(DockKeys.TryParseHostIdentity(lines.Single(l => l.StartsWith("DOCK:", StringComparison.Ordinal)), out var hostIdentity));

        using var pty = PtyPair.Start();
        var port = HostProcess.FreePort();
        var settings = new
        {
            District = new { Code = "650105", DataFolder = temp.Path },
            Listen = new { Address = "127.0.0.1", Port = port },
            DistrictKey = new { KeyFile = "district.key", PassphraseSource = "File", PassphraseFile = "district.key.passphrase" },
            Dock = new { Ports = new[] { pty.HostEnd } },
        };
        File.WriteAllText(temp.File("settings.json"), JsonSerializer.Serialize(settings));
        var storeOptions = new TerminalStoreOptions { Folder = temp.File("store"), Argon2id = Argon2idOptions.Cheap };
        using var recovery = RecoveryKey.Generate();
        string terminalKey;
        using (var provisioned = TerminalStore.Provision(storeOptions,
                   new TerminalProvisioning(DockWorld.TerminalId, districtKey, recovery, DockWorld.OperatorId, DockWorld.Pin, hostIdentity)))
        {
            terminalKey = DockKeys.TerminalKeyText(provisioned.SigningPublicKey.Span);
        }
        foreach (var args in new[]
                 {
                     new[] { "terminal", "add", "--id", DockWorld.TerminalId, "--point", "650105-04", "--key", terminalKey },
                     ["user", "add", "--user", Reviewer, "--display-name", "审核员李", "--role", "审核员", "--password-file", temp.Passphrase("password", Password)],
                 })
        {
            var done = await HostCliRun.RunAsync([.. args, "--settings", temp.File("settings.json")]);
            Assert.AreEqual(HostCli.Done, done.Code, done.Output + done.Error);
        }

        using var store = TerminalStore.Open(storeOptions);
        Assert.IsTrue(store.Login(DockWorld.OperatorId, DockWorld.Pin).Succeeded);
        var first = DockWorld.FinalizeSample(store, 1, 4096, new Random(2019));
        var district = new DistrictStore(DistrictDatabase.SqliteFile(temp.File("district.db")));

        using var host = HostProcess.Start(temp, settings);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        var dock = new HandheldDock(store) { ReopenDelay = TimeSpan.FromMilliseconds(200) };
        var serving = Task.Run(() => dock.RunAsync(pty.DeviceEnd, stop.Token), stop.Token);
        try
        {
            // 1. the first docking takes the record in
            await UntilAsync(() => store.Outbox().Count == 0, "the first docking took the record in", host);
            var reviewed = (await district.RecordAsync(first.RecordId, 1))!;

            // 2. the reviewer marks it as problem data on the dashboard
            using var office = DashboardHttp.Client($"http://127.0.0.1:{port}");
            Assert.AreEqual(HttpStatusCode.Redirect, (await DashboardHttp.LogInAsync(office, Reviewer, Password)).StatusCode);
            var decided = await DashboardHttp.PostFormAsync(office, "/quality", "/quality/decide",
            [
                new("item", $"{first.RecordId:D}:1"), new("decision", nameof(ReviewDecision.Problem)),
                new("note", "残疾等级与残疾军人证不符，请与本人核对"), new("fields", "module7.grade"), new("back", "/quality"),
            ]);
            Assert.AreEqual(HttpStatusCode.Redirect, decided.StatusCode, await decided.Content.ReadAsStringAsync());
            var item = (await district.CorrectionsOfRecordAsync(first.RecordId)).Single();
            Assert.AreEqual(CorrectionState.Pending, item.State);

            // 3. the next docking brings the list to the terminal, with the reviewed record
            await RedockAsync(pty);
            await UntilAsync(() => store.CorrectionList().Count == 1, "the second docking pushed the correction list", host);
            var entry = store.CorrectionList().Single();
            Assert.AreEqual((first.RecordId, 1, TerminalCorrectionState.ToCorrect), (entry.Item.RecordId, entry.Item.Version, entry.State));
            Assert.AreEqual("残疾等级与残疾军人证不符，请与本人核对", entry.Item.Note);
            await UntilAsync(async () => (await district.CorrectionAsync(item.ItemId))!.State == CorrectionState.Sent, "the terminal's answer made the item 已下发", host);

            // 4. on the terminal: version 2 from the reviewed record, the grade corrected, the subject signs again
            var today = DateOnly.FromDateTime(DateTime.Today);
            var draft = store.BeginCorrection(first.RecordId, 1, r => r.NextVersion(store.TerminalId, store.OperatorId!, today), "module7").Record;
            Assert.AreEqual(reviewed.Text("module7.grade"), draft.Text("module7.grade"), "the draft starts from the reviewed record");
            var corrected = SampleSignatures.Sign(store, draft.With("module7.grade", "5"));
            store.SaveDraft(corrected, "review");
            var second = store.Finalize(corrected);
            Assert.AreEqual(2, second.Version);
            Assert.IsEmpty(second.SealedPhotos, "the photo the district holds does not travel again");

            // 5. the third docking takes version 2 in beside version 1; the item is 已补正 and the terminal's list empties
            await RedockAsync(pty);
            await UntilAsync(() => store.Outbox().Count == 0, "the third docking took version 2 in", host);
            var stored = (await district.RecordAsync(first.RecordId, 2))!;
            Assert.AreEqual("5", stored.Text("module7.grade"));
            Assert.AreEqual(reviewed.Photos.Single().Sha256, stored.Photos.Single().Sha256, "version 2 names the photo the district holds");
            Assert.AreEqual(RecordSerializer.ContentHash(stored), stored.Signature!.ContentSha256, "signed for the corrected content");
            Assert.AreEqual(reviewed.Text("module7.grade"), (await district.RecordAsync(first.RecordId, 1))!.Text("module7.grade"), "version 1 is kept as it was");
            Assert.AreEqual(CorrectionState.Corrected, (await district.CorrectionAsync(item.ItemId))!.State);
            await UntilAsync(() => store.CorrectionList().Count == 0, "the list sent after the pull no longer holds the item", host);

            // 6. the reviewer looks at version 2 and closes the item
            var record = await office.GetStringAsync(new Uri($"/records/{first.RecordId:D}", UriKind.Relative));
            StringAssert.Contains(record, "已补正");
            var closed = await DashboardHttp.PostFormAsync(office, "/corrections", $"/corrections/{item.ItemId:D}/close",
                [new("note", "已与残疾军人证核对一致"), new("back", "/corrections")]);
            Assert.AreEqual(HttpStatusCode.Redirect, closed.StatusCode, await closed.Content.ReadAsStringAsync());
            Assert.AreEqual(CorrectionState.Closed, (await district.CorrectionAsync(item.ItemId))!.State);
            StringAssert.Contains(await office.GetStringAsync(new Uri("/corrections", UriKind.Relative)), "已关闭");
        }
        finally
        {
            await stop.CancelAsync();
            await serving;
            host.Terminate();
            await host.ExitCodeAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>
    /// Pulls the cable and plugs it in again: after a docking that ended well the host waits for the port to go away
    /// (it looks every second), so the cable stays out for a few of its looks.
    /// </summary>
    private async Task RedockAsync(PtyPair pty)
    {
        pty.Unplug();
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.CancellationToken);
        pty.Replug();
    }

    private Task UntilAsync(Func<bool> done, string what, HostProcess host) => UntilAsync(() => Task.FromResult(done()), what, host);

    private async Task UntilAsync(Func<Task<bool>> done, string what, HostProcess host)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"not within 90 s: {what}\n{host.Output}");
            }
            await Task.Delay(250, TestContext.CancellationToken);
        }
    }
}

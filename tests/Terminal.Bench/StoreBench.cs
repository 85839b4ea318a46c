using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using LiteDB;
using Terminal.Records.Model;
using Terminal.Records.Names;
using Terminal.Records.Serialization;
using Terminal.Storage.Keys;
using Terminal.Storage.Sealing;
using Terminal.Storage.Store;
using Terminal.Testing;
using Terminal.Testing.Storage;

namespace Terminal.Bench;

/// <summary>
/// The terminal store's figures (issue 6): a finalize (seal for the district + write + audit, on disk before it
/// returns) against a bare LiteDB insert of the same bytes into a plain file in the same folder; lookups in a roster
/// of 200,000 subjects by ID number, name and pinyin initials against a clear-text LiteDB lookup of the same roster;
/// and the process's memory once the roster is loaded.
/// </summary>
internal static class StoreBench
{
    private const int Finalizes = 200;
    private const int PhotoBytes = 120_000;
    private const int RosterSize = 200_000;
    private const int Lookups = 2_000;

    public static IReadOnlyList<BenchRow> Run(TextWriter log)
    {
        var folder = Path.Combine(Path.GetTempPath(), "store-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            using var district = DistrictKeyPair.Generate(DistrictSuite.P256);
            using var recovery = RecoveryKey.Generate();
            var options = new TerminalStoreOptions { Folder = Path.Combine(folder, "store"), Argon2id = Argon2idOptions.Cheap };
            using var store = TerminalStore.Provision(options, new TerminalProvisioning("T650105-BENCH", district.PublicKey, recovery, "op-0401", "246810"));
            var rows = new List<BenchRow> { FinalizeAgainstInsert(store, Path.Combine(folder, "plain.db"), log) };
            rows.AddRange(Lookup(store, Path.Combine(folder, "roster-plain.db"), log));
            return rows;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The soak of the crash harness: 2,000 SIGKILLs at random instants, each restart checked. The figure is the
    /// restarts that passed every check, against the kills made (goal: all of them).
    /// </summary>
    public static BenchRow CrashSoak(TextWriter log)
    {
        const int kills = 2_000;
        var result = CrashHarness.Run(kills, seed: 2018_11_25);
        log.WriteLine("  store crash soak: " + result);
        foreach (var problem in result.Problems.Take(10))
        {
            log.WriteLine("    " + problem);
        }
        var passed = result.Problems.Count == 0 ? result.RestartsChecked : 0;
        return new BenchRow("store: crash soak, restarts that passed every check", passed, "restarts", kills, "SIGKILLs made", 1.0, AtLeast: true);
    }

    private static BenchRow FinalizeAgainstInsert(TerminalStore store, string plainPath, TextWriter log)
    {
        var finalize = new List<double>(Finalizes);
        var insert = new List<double>(Finalizes);
        using var plain = new LiteDatabase($"Filename={plainPath}");
        var bare = plain.GetCollection("records");
        var clock = new Stopwatch();
        for (var i = 0; i < Finalizes; i++)
        {
            var photos = new[] { RandomNumberGenerator.GetBytes(PhotoBytes), RandomNumberGenerator.GetBytes(PhotoBytes / 4) };
            var record = SampleRecords.DisabledDischargedSoldier() with { RecordId = Guid.NewGuid(), Signature = null, Photos = [] };
            var references = photos.Select(p => new PhotoReference(PhotoKind.PersonalPhoto, store.SavePhoto(record.RecordId, p), p.Length, "image/jpeg", 720, 960));
            record = Terminal.Testing.Storage.SampleSignatures.Sign(store, record with { Photos = [.. references] });
            store.SaveDraft(record, "signature");
            clock.Restart();
            store.Finalize(record);
            finalize.Add(clock.Elapsed.TotalMilliseconds);

            var canonical = RecordSerializer.Serialize(record);
            clock.Restart();
            bare.Insert(new BsonDocument
            {
                ["_id"] = record.RecordId,
                ["record"] = canonical,
                ["photos"] = new BsonArray(photos.Select(p => new BsonValue(p))),
            });
            insert.Add(clock.Elapsed.TotalMilliseconds);
        }
        var (f50, i50) = (Percentile(finalize, 0.5), Percentile(insert, 0.5));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  store: finalize p50 {f50:0.0} ms, p99 {Percentile(finalize, 0.99):0.0} ms; bare LiteDB insert p50 {i50:0.0} ms, p99 {Percentile(insert, 0.99):0.0} ms ({Finalizes} records, photos {PhotoBytes / 1000} + {PhotoBytes / 4000} KB)"));
        return new BenchRow("store: finalize (seal + write + audit, fsynced), p50", f50, "ms", i50, "bare LiteDB insert of the same bytes", null);
    }

    private static IEnumerable<BenchRow> Lookup(TerminalStore store, string plainPath, TextWriter log)
    {
        var random = new Random(2018);
        var roster = Roster(random).ToList();
        var before = Memory();
        var load = Stopwatch.StartNew();
        store.LoadInitialData(roster);
        load.Stop();
        var after = Memory();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  store: {RosterSize:N0} roster entries sealed and loaded in {load.Elapsed.TotalSeconds:0.0} s; managed heap {before.Managed:0} → {after.Managed:0} MB, working set {before.WorkingSet:0} → {after.WorkingSet:0} MB"));

        using var plain = new LiteDatabase($"Filename={plainPath}");
        var clear = plain.GetCollection("roster");
        clear.InsertBulk(roster.Select(e => new BsonDocument { ["_id"] = e.IdNumber, ["name"] = e.Name, ["initials"] = new BsonArray(PinyinInitials.Of(e.Name).Select(s => new BsonValue(s))) }));
        clear.EnsureIndex("name");
        clear.EnsureIndex("initials", "$.initials[*]");

        var samples = Enumerable.Range(0, Lookups).Select(_ => roster[random.Next(roster.Count)]).ToList();
        var byId = Time(samples, e => store.FindInitialData(e.IdNumber) ?? throw new InvalidOperationException("a roster entry was not found"));
        var byIdClear = Time(samples, e => clear.FindById(e.IdNumber) ?? throw new InvalidOperationException("a clear entry was not found"));
        var byName = Time(samples, e => store.FindInitialDataByName(e.Name));
        var byNameClear = Time(samples, e => clear.Find(Query.EQ("name", e.Name)).ToList());
        var byInitials = Time(samples, e => store.FindInitialDataByInitials(PinyinInitials.Of(e.Name)[0]));
        var byInitialsClear = Time(samples, e => clear.Find(BsonExpression.Create("$.initials[*] ANY = @0", new BsonValue(PinyinInitials.Of(e.Name)[0]))).ToList());
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  store: lookups over {RosterSize:N0}: ID number p50 {Percentile(byId, 0.5):0.000} / p99 {Percentile(byId, 0.99):0.000} ms; name p50 {Percentile(byName, 0.5):0.000} / p99 {Percentile(byName, 0.99):0.000} ms; initials p50 {Percentile(byInitials, 0.5):0.000} / p99 {Percentile(byInitials, 0.99):0.000} ms"));
        return
        [
            new BenchRow("store: roster lookup by ID number (200,000), p50", Percentile(byId, 0.5), "ms", Percentile(byIdClear, 0.5), "clear-text LiteDB FindById", null),
            new BenchRow("store: roster lookup by ID number (200,000), p99", Percentile(byId, 0.99), "ms", Percentile(byIdClear, 0.99), "clear-text LiteDB FindById", null),
            new BenchRow("store: roster lookup by name (200,000), p50", Percentile(byName, 0.5), "ms", Percentile(byNameClear, 0.5), "clear-text LiteDB index", null),
            new BenchRow("store: roster lookup by name (200,000), p99", Percentile(byName, 0.99), "ms", Percentile(byNameClear, 0.99), "clear-text LiteDB index", null),
            new BenchRow("store: roster lookup by pinyin initials (200,000), p50", Percentile(byInitials, 0.5), "ms", Percentile(byInitialsClear, 0.5), "clear-text LiteDB multikey index", null),
            new BenchRow("store: roster lookup by pinyin initials (200,000), p99", Percentile(byInitials, 0.99), "ms", Percentile(byInitialsClear, 0.99), "clear-text LiteDB multikey index", null),
            new BenchRow("store: working set with the 200,000-subject roster loaded", after.WorkingSet, "MB", before.WorkingSet, "before loading it", null),
        ];
    }

    /// <summary>200,000 subjects with valid ID numbers and names drawn from common surnames and given-name characters.</summary>
    private static IEnumerable<InitialDataEntry> Roster(Random random)
    {
        const string surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解";
        const string given = "建国军华明英秀兰玉芳桂珍志强伟刚勇杰涛斌浩文辉力永健世广海山仁波宁贵福生龙元全胜学祥才发成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超亮政谦亨奇固之轮翰朗伯宏言若鸣朋";
        var birth = new DateOnly(1930, 1, 1);
        for (var i = 0; i < RosterSize; i++)
        {
            var name = string.Concat(surnames[random.Next(surnames.Length)], given[random.Next(given.Length)], random.Next(3) == 0 ? "" : given[random.Next(given.Length)].ToString());
            var id = SampleRecords.IdNumberFor(birth.AddDays(i / 1000 * 7), i % 1000);
            yield return new InitialDataEntry(id, name, new Dictionary<string, string> { ["identity.address"] = "新疆乌鲁木齐市水磨沟区南湖北路" + (i % 500).ToString(CultureInfo.InvariantCulture) + "号" });
        }
    }

    private static List<double> Time<T>(IEnumerable<InitialDataEntry> samples, Func<InitialDataEntry, T> lookup)
    {
        var times = new List<double>();
        var clock = new Stopwatch();
        foreach (var sample in samples)
        {
            clock.Restart();
            GC.KeepAlive(lookup(sample));
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static (double Managed, double WorkingSet) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true) / 1e6, self.WorkingSet64 / 1e6);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}

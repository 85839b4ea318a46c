using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Terminal.Host.Cli;
using Terminal.Host.Service;
using Terminal.Host.Storage;
using Terminal.Host.Storage.Migrations;
using Terminal.Host.Storage.Model;
using Terminal.Records.Codes;
using Terminal.Records.Model;
using Terminal.Records.Serialization;
using Terminal.Testing;

namespace Terminal.Bench;

/// <summary>
/// The district host's figures (issue 9), on a real PostgreSQL (the one ./bench starts, TERMINAL_TEST_POSTGRES):
/// ingest of records with photos through <see cref="DistrictStore.CommitAsync"/> (every check and flag included)
/// against a binary COPY of the same rows into the same tables in the same run; and the progress page served by the
/// real host over HTTP with 100,000 records and 120,000 people of initial data, p50 and p99, against the status page.
/// </summary>
internal static partial class HostBench
{
    private const int IngestRecords = 1_000;
    private const int BatchSize = 50;
    private const int IngestRounds = 5;
    private const int WarmUpBatches = 4;
    private const int PhotoBytes = 120_000;
    private const int PageRecords = 100_000;
    private const int RosterPeople = 120_000;
    private const int PageRequests = 200;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(TextWriter log, bool ingest, bool page)
    {
        var server = Environment.GetEnvironmentVariable("TERMINAL_TEST_POSTGRES")
            ?? throw new InvalidOperationException("PostgreSQL is not running: ./bench host starts one (tests/lib/postgres.sh)");
        var rows = new List<BenchRow>();
        if (ingest)
        {
            rows.Add(await IngestAsync(server, log).ConfigureAwait(false));
        }
        if (page)
        {
            rows.AddRange(await ProgressPageAsync(server, log).ConfigureAwait(false));
        }
        return rows;
    }

    private static async Task<BenchRow> IngestAsync(string server, TextWriter log)
    {
        var (ingestDb, copyDb) = (await CreateDatabaseAsync(server, "ingest").ConfigureAwait(false), await CreateDatabaseAsync(server, "copy").ConfigureAwait(false));
        try
        {
            var batches = Batches();
            var store = new DistrictStore(ingestDb.Database);
            var allRecords = batches.Sum(b => b.Records.Count);
            var clock = Stopwatch.StartNew();
            foreach (var item in batches.SelectMany(b => b.Records))
            {
                Terminal.Host.Storage.Ingest.RecordChecks.Of(item.Record, item.SignatureStrokes, _ => null);
            }
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  host ingest: the record model's checks alone take {clock.Elapsed.TotalMilliseconds / allRecords:0.00} ms per record"));
            clock.Restart();
            foreach (var batch in batches)
            {
                foreach (var photo in batch.Photos)
                {
                    _ = SHA256.HashData(photo.Bytes);
                }
                foreach (var item in batch.Records)
                {
                    _ = RecordSerializer.ContentHash(item.Record);
                    _ = RecordSerializer.Serialize(item.Record);
                }
            }
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  host ingest: hashing the photo and serialising take {clock.Elapsed.TotalMilliseconds / allRecords:0.00} ms per record"));
            // Rounds that alternate the ingest and the COPY of the same number of rows, and the round with the median
            // ratio reported: on a shared machine the load drifts over a run, and one long ingest followed by one long
            // COPY would compare two different machines.
            // A round of each first, not counted: the host runs all day, so the figure is of the code once compiled
            // (the first round, JIT-compiling the ingest's path, ran at about half the rate of the later ones).
            foreach (var batch in batches.GetRange(0, WarmUpBatches))
            {
                await store.CommitAsync(batch).ConfigureAwait(false);
            }
            await CopyAsync(copyDb.ConnectionString, batches.GetRange(WarmUpBatches, WarmUpBatches)).ConfigureAwait(false);
            var measured = batches[(2 * WarmUpBatches)..];
            var rounds = new List<(double Ingest, double Copy)>();
            var perRound = measured.Count / IngestRounds;
            for (var round = 0; round < IngestRounds; round++)
            {
                var these = measured.GetRange(round * perRound, perRound);
                var records = these.Sum(b => b.Records.Count);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                clock.Restart();
                foreach (var batch in these)
                {
                    await store.CommitAsync(batch).ConfigureAwait(false);
                }
                var ingest = records / clock.Elapsed.TotalSeconds;
                var ingestCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / records;
                cpu = Process.GetCurrentProcess().TotalProcessorTime;
                clock.Restart();
                await CopyAsync(copyDb.ConnectionString, these).ConfigureAwait(false);
                var copy = records / clock.Elapsed.TotalSeconds;
                var copyCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / records;
                rounds.Add((ingest, copy));
                // The client's CPU per record beside the rates: what is left of the gap is the database server's work.
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  host ingest, round {round + 1}: {records} records, {ingest:0} records/s through CommitAsync ({ingestCpu:0.00} ms client CPU per record), {copy:0} records/s by COPY ({copyCpu:0.00} ms), ratio {ingest / copy:0.000}"));
            }
            var median = rounds.OrderBy(r => r.Ingest / r.Copy).ElementAt(rounds.Count / 2);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  host ingest: {IngestRecords} records with a {PhotoBytes / 1000} KB photo each in {IngestRounds} rounds; the median round: {median.Ingest:0} records/s through CommitAsync, {median.Copy:0} records/s by COPY"));
            return new BenchRow("host ingest into PostgreSQL, records with photos (median of 5 rounds)", median.Ingest, "records/s", median.Copy, "binary COPY of the same rows, same round", 0.5, AtLeast: true);
        }
        finally
        {
            await DropDatabaseAsync(server, ingestDb.Name).ConfigureAwait(false);
            await DropDatabaseAsync(server, copyDb.Name).ConfigureAwait(false);
        }
    }

    /// <summary>Docking batches of distinct subjects, each record signed with one real-sized photo of its own.</summary>
    private static List<IngestBatch> Batches()
    {
        var random = new Random(2018_11_25);
        var batches = new List<IngestBatch>();
        var strokes = System.Text.Encoding.UTF8.GetBytes("strokes");
        for (var b = 0; b < IngestRecords / BatchSize + 2 * WarmUpBatches; b++)
        {
            var records = new List<IngestedRecord>();
            var photos = new List<PhotoBlob>();
            for (var i = 0; i < BatchSize; i++)
            {
                var n = b * BatchSize + i;
                var photo = new byte[PhotoBytes];
                random.NextBytes(photo);
                photo[0] = 0xFF; photo[1] = 0xD8; photo[2] = 0xFF; photo[^2] = 0xFF; photo[^1] = 0xD9;
                var sha = Convert.ToHexStringLower(SHA256.HashData(photo));
                var birth = new DateOnly(1940, 1, 1).AddDays(n * 7);
                var record = SampleRecords.DisabledDischargedSoldier() with { RecordId = Guid.NewGuid(), Signature = null, Photos = [new PhotoReference(PhotoKind.PersonalPhoto, sha, PhotoBytes, "image/jpeg", 720, 960)] };
                record = SampleRecords.Signed(record.With("identity.idNumber", SampleRecords.IdNumberFor(birth)).With("identity.birthDate", birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                records.Add(new IngestedRecord(record, n + 1, [], strokes));
                photos.Add(new PhotoBlob(sha, "image/jpeg", photo));
            }
            batches.Add(new IngestBatch("T650105-04", DateTimeOffset.UtcNow, records, photos, []));
        }
        return batches;
    }

    /// <summary>The same rows the ingest writes (records, photos, record_photos, signatures), by binary COPY.</summary>
    private static async Task CopyAsync(string connectionString, List<IngestBatch> batches)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync().ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        await using (var photos = await c.BeginBinaryImportAsync("COPY photos (sha256, media_type, length, bytes) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false))
        {
            foreach (var p in batches.SelectMany(b => b.Photos))
            {
                await photos.WriteRowAsync(default, p.Sha256, p.MediaType, (long)p.Bytes.Length, p.Bytes).ConfigureAwait(false);
            }
            await photos.CompleteAsync().ConfigureAwait(false);
        }
        await using (var records = await c.BeginBinaryImportAsync(
            "COPY records (record_id, version, terminal_id, sequence, form_version, id_number, name, categories, collection_point, street, collected_on, content_sha256, canonical, flags, received_at) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false))
        {
            foreach (var item in batches.SelectMany(b => b.Records))
            {
                var r = item.Record;
                await records.WriteRowAsync(default, r.RecordId.ToString("D"), r.Version, "T650105-04", item.Sequence, r.FormVersion, r.Text("identity.idNumber"), r.Text("identity.name"),
                    r.Categories.Mask, r.CollectionPointCode, r.Text("personal.street"), r.CollectedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    RecordSerializer.ContentHash(r), RecordSerializer.Serialize(r), "", now).ConfigureAwait(false);
            }
            await records.CompleteAsync().ConfigureAwait(false);
        }
        await using (var links = await c.BeginBinaryImportAsync("COPY record_photos (record_id, version, position, kind, sha256) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false))
        {
            foreach (var r in batches.SelectMany(b => b.Records).Select(i => i.Record))
            {
                await links.WriteRowAsync(default, r.RecordId.ToString("D"), r.Version, 0, r.Photos[0].Kind.ToString(), r.Photos[0].Sha256).ConfigureAwait(false);
            }
            await links.CompleteAsync().ConfigureAwait(false);
        }
        await using (var signatures = await c.BeginBinaryImportAsync("COPY signatures (record_id, version, content_sha256, strokes, image_sha256, signed_at) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false))
        {
            foreach (var item in batches.SelectMany(b => b.Records))
            {
                var r = item.Record;
                await signatures.WriteRowAsync(default, r.RecordId.ToString("D"), r.Version, r.Signature!.ContentSha256, item.SignatureStrokes, r.Signature.ImageSha256, now).ConfigureAwait(false);
            }
            await signatures.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<BenchRow>> ProgressPageAsync(string server, TextWriter log)
    {
        var db = await CreateDatabaseAsync(server, "page").ConfigureAwait(false);
        var folder = Path.Combine(Path.GetTempPath(), "host-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await FillAsync(db.ConnectionString).ConfigureAwait(false);
            var passphrase = Path.Combine(folder, "district.key.passphrase");
            await File.WriteAllTextAsync(passphrase, "区县密钥口令 for the bench\n").ConfigureAwait(false);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(passphrase, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            using (var o = new StringWriter())
            {
                using var e = new StringWriter();
                if (await HostCli.RunAsync(["key", "generate", "--suite", "P256", "--out", Path.Combine(folder, "district.key"), "--passphrase-file", passphrase, "--dpapi", "none",
                    "--kdf-memory-mib", "19", "--kdf-passes", "1"], o, e).ConfigureAwait(false) != HostCli.Done)
                {
                    throw new InvalidOperationException(e.ToString());
                }
            }
            var port = FreePort();
            var settings = Path.Combine(folder, "settings.json");
            await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
            {
                District = new { Code = "650105", DataFolder = folder },
                Database = new { Kind = "Postgres", ConnectionString = db.ConnectionString },
                Listen = new { Address = "127.0.0.1", Port = port },
                DistrictKey = new { KeyFile = "district.key", PassphraseSource = "File", PassphraseFile = "district.key.passphrase" },
            })).ConfigureAwait(false);
            using (var o = new StringWriter())
            {
                using var e = new StringWriter();
                if (await HostCli.RunAsync(["user", "add", "--user", "bench", "--display-name", "测速", "--role", "viewer", "--password-file", passphrase, "--settings", settings], o, e).ConfigureAwait(false) != HostCli.Done)
                {
                    throw new InvalidOperationException(e.ToString());
                }
            }
            await using var app = DistrictHostApp.Build(settings);
            await app.StartAsync().ConfigureAwait(false);
            try
            {
                using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                var login = await client.GetStringAsync(new Uri("/login", UriKind.Relative)).ConfigureAwait(false);
                var token = WebUtility.HtmlDecode(CsrfField().Match(login).Groups[1].Value);
                var signedIn = await client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__csrf"] = token, ["user"] = "bench", ["password"] = "区县密钥口令 for the bench", ["returnUrl"] = "/progress",
                })).ConfigureAwait(false);
                if (signedIn.StatusCode != HttpStatusCode.Redirect)
                {
                    throw new InvalidOperationException("the bench user could not log in");
                }
                var page = await TimesAsync(client, "/progress").ConfigureAwait(false);
                var status = await TimesAsync(client, "/").ConfigureAwait(false);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  progress page ({PageRecords:N0} records, {RosterPeople:N0} people of initial data): p50 {page.P50:0.0} ms, p99 {page.P99:0.0} ms; status page p50 {status.P50:0.0} ms, p99 {status.P99:0.0} ms"));
                return
                [
                    new BenchRow($"progress page, {PageRecords:N0} records, p50", page.P50, "ms", status.P50, "status page (counts) p50", null),
                    new BenchRow($"progress page, {PageRecords:N0} records, p99", page.P99, "ms", status.P99, "status page (counts) p99", null),
                ];
            }
            finally
            {
                await app.StopAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await DropDatabaseAsync(server, db.Name).ConfigureAwait(false);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(double P50, double P99)> TimesAsync(HttpClient client, string path)
    {
        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false)).EnsureSuccessStatusCode();
        }
        var times = new List<double>();
        for (var i = 0; i < PageRequests; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)(times.Count * 0.99)]);
    }

    /// <summary>100,000 records spread over the eight points and their streets, 120,000 people of initial data (by COPY: the page is measured, not the ingest).</summary>
    private static async Task FillAsync(string connectionString)
    {
        var points = CollectionPoints.Of("650105");
        var streets = points.SelectMany(p => p.Streets.Select(s => (Street: s, Point: p.Code))).ToList();
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync().ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        foreach (var p in points)
        {
            await using var insert = new NpgsqlCommand("INSERT INTO collection_points (code, name, streets, expected_count) VALUES ($1, $2, $3, $4)", c)
            {
                Parameters = { new() { Value = p.Code }, new() { Value = p.Name }, new() { Value = string.Join(',', p.Streets) }, new() { Value = (long)(RosterPeople / points.Count) } },
            };
            await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        await using (var t = new NpgsqlCommand("INSERT INTO terminals (terminal_id, collection_point, public_key, provisioned_at) SELECT 'T' || code, code, '\\x00', $1 FROM collection_points", c) { Parameters = { new() { Value = now } } })
        {
            await t.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        var canonical = RecordSerializer.Serialize(SampleRecords.DisabledDischargedSoldier());
        var id = (int n) => SampleRecords.IdNumberFor(new DateOnly(1930, 1, 1).AddDays(n / 500), n % 500);
        await using (var roster = await c.BeginBinaryImportAsync("COPY roster_entries (id_number, name, street, collection_point, imported_at) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false))
        {
            for (var n = 0; n < RosterPeople; n++)
            {
                var (street, point) = streets[n % streets.Count];
                await roster.WriteRowAsync(default, id(n), "对象" + n.ToString(CultureInfo.InvariantCulture), street, point, now).ConfigureAwait(false);
            }
            await roster.CompleteAsync().ConfigureAwait(false);
        }
        await using (var records = await c.BeginBinaryImportAsync(
            "COPY records (record_id, version, terminal_id, sequence, form_version, id_number, name, categories, collection_point, street, collected_on, content_sha256, canonical, flags, received_at) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false))
        {
            var sequences = points.ToDictionary(p => p.Code, _ => 0L, StringComparer.Ordinal);
            for (var n = 0; n < PageRecords; n++)
            {
                var (street, point) = streets[n % streets.Count];
                await records.WriteRowAsync(default, Guid.NewGuid().ToString("D"), 1, "T" + point, ++sequences[point], "2018.1", id(n), "对象" + n.ToString(CultureInfo.InvariantCulture),
                    6, point, street, "2018-11-05", new string('0', 64), canonical, "", now).ConfigureAwait(false);
            }
            await records.CompleteAsync().ConfigureAwait(false);
        }
        await using var analyze = new NpgsqlCommand("ANALYZE", c);
        await analyze.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static async Task<(string Name, string ConnectionString, DistrictDatabase Database)> CreateDatabaseAsync(string server, string what)
    {
        var name = $"bench_{what}_{Guid.NewGuid():N}"[..24];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync().ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        var database = new DistrictDatabase(DatabaseKind.Postgres, connectionString);
        await Migrator.MigrateAsync(database, CancellationToken.None).ConfigureAwait(false);
        if (what != "page")
        {
            var store = new DistrictStore(database);
            foreach (var p in CollectionPoints.Of("650105"))
            {
                await store.SaveCollectionPointAsync(new CollectionPoint(p.Code, p.Name, p.Streets, 100)).ConfigureAwait(false);
            }
            await store.RegisterTerminalAsync(new TerminalRegistration("T650105-04", "650105-04", [1], DateTimeOffset.UtcNow)).ConfigureAwait(false);
        }
        return (name, connectionString, database);
    }

    private static async Task DropDatabaseAsync(string server, string name)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync().ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}

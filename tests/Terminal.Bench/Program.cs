using Terminal.Bench;

// `./bench [idcard] [drivers] [dock] [dock-link] [dock-cuts] [store] [crash] [reports] [host] [host-ingest] [host-page] [soak]`:
// runs the benchmarks named (all when none is; dock is dock-link, the throughput and resume figures, with dock-cuts, the
// 5,000 cable cuts; host is host-ingest, the ingest against COPY, with host-page, the progress page) and
// prints one table. Each figure stands beside a baseline measured in the same run on the same machine, so the ratio
// means something on a shared, noisy machine where absolute times do not.
string[] known = ["idcard", "drivers", "dock", "dock-link", "dock-cuts", "store", "crash", "reports", "host", "host-ingest", "host-page", "soak"];
if (args.FirstOrDefault(a => !known.Contains(a)) is { } unknown)
{
    Console.Error.WriteLine($"unknown benchmark {unknown}: choose from {string.Join(", ", known)}");
    return 2;
}
bool Wanted(string name) => args.Length == 0 || args.Contains(name);
var log = Console.Out;
log.WriteLine("Running benchmarks (Release build)...");
var rows = new List<BenchRow>();
if (Wanted("idcard"))
{
    rows.AddRange(await IdCardBench.RunAsync(log));
}
if (Wanted("drivers"))
{
    rows.AddRange(DriversBench.Run(log));
}
if (Wanted("dock") || Wanted("dock-link") || Wanted("dock-cuts"))
{
    rows.AddRange(await DockBench.RunAsync(log, link: Wanted("dock") || Wanted("dock-link"), cuts: Wanted("dock") || Wanted("dock-cuts")));
}
if (Wanted("store"))
{
    rows.AddRange(StoreBench.Run(log));
}
if (Wanted("reports"))
{
    rows.AddRange(ReportsBench.Run(log));
}
if (Wanted("host") || Wanted("host-ingest") || Wanted("host-page"))
{
    rows.AddRange(await HostBench.RunAsync(log, ingest: Wanted("host") || Wanted("host-ingest"), page: Wanted("host") || Wanted("host-page")));
}
if (Wanted("crash"))
{
    rows.Add(StoreBench.CrashSoak(log));
}
if (Wanted("soak"))
{
    rows.AddRange(await SoakBench.RunAsync(log));
}
log.WriteLine();
log.WriteLine("| figure | value | baseline (same run) | ratio | goal | met |");
log.WriteLine("|---|---|---|---|---|---|");
foreach (var row in rows)
{
    log.WriteLine(row.Format());
}
return rows.Any(r => r.Met == "NO") ? 1 : 0;

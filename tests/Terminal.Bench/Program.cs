using Terminal.Bench;

// `./bench`: runs every benchmark and prints one table. Each figure stands beside a baseline measured in the same
// run on the same machine, so the ratio means something on a shared, noisy machine where absolute times do not.
var log = Console.Out;
log.WriteLine("Running benchmarks (Release build)...");
var rows = new List<BenchRow>();
rows.AddRange(await IdCardBench.RunAsync(log));
rows.AddRange(await DockBench.RunAsync(log));
log.WriteLine();
log.WriteLine("| figure | value | baseline (same run) | ratio | goal | met |");
log.WriteLine("|---|---|---|---|---|---|");
foreach (var row in rows)
{
    log.WriteLine(row.Format());
}
return rows.Any(r => r.Met == "NO") ? 1 : 0;

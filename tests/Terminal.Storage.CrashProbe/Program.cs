using Terminal.Storage.CrashProbe;

// Usage: Terminal.Storage.CrashProbe <work|finalize-once> <store folder> <operator> <pin> [seed]
// Prints "READY" once logged in, "BEGIN FINALIZE <id> <version>" before and "ACK FINALIZE <id> <version>" after
// each Finalize returns, "BEGIN PURGE <id> <version>" before and "ACK PURGE <id> <version>" after each Purge. Exit code 2: bad arguments.
if (args.Length < 4 || args[0] is not ("work" or "finalize-once"))
{
    Console.Error.WriteLine("usage: Terminal.Storage.CrashProbe <work|finalize-once> <store folder> <operator> <pin> [seed]");
    return 2;
}
var seed = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : Environment.TickCount;
using var probe = Probe.Open(args[1], args[2], args[3], seed);
if (args[0] == "finalize-once")
{
    probe.FinalizeOne();
    return 0;
}
probe.WorkUntilKilled();
return 0;

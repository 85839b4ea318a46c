using Terminal.Storage.CrashProbe;

// Usage: Terminal.Storage.CrashProbe <work|finalize-once> <store folder> <operator> <pin> [seed]
//        Terminal.Storage.CrashProbe provision <store folder> <operator> <pin> <district key file>
// work/finalize-once print "READY" once logged in, "BEGIN FINALIZE <id> <version>" before and
// "ACK FINALIZE <id> <version>" after each Finalize returns, "BEGIN PURGE <id> <version>" before and
// "ACK PURGE <id> <version>" after each Purge. provision creates a store (the power-cut tier puts it on the
// guest's disk) and writes the district's private key as "P256:<hex>" for the checks. Exit code 2: bad arguments.
const string Usage = "usage: Terminal.Storage.CrashProbe <work|finalize-once> <store folder> <operator> <pin> [seed]\n"
    + "       Terminal.Storage.CrashProbe provision <store folder> <operator> <pin> <district key file>";
if (args is ["provision", var folder, var operatorId, var pin, var keyFile])
{
    ProbeStore.Provision(folder, operatorId, pin, keyFile);
    return 0;
}
if (args.Length < 4 || args[0] is not ("work" or "finalize-once"))
{
    Console.Error.WriteLine(Usage);
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

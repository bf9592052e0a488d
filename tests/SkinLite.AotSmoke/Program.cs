using SkinLite;
using SkinLite.AotSmoke;

// Usage: SkinLite.AotSmoke <folder with transformation-success.json>
// Exits 0 when every value read through the public API is right, 1 otherwise, 2 on a usage error.
if (args.Length != 1 || !File.Exists(Path.Combine(args[0], "transformation-success.json")))
{
    Console.Error.WriteLine("usage: SkinLite.AotSmoke <folder holding transformation-success.json (../shared/fixtures/recorded)>");
    return 2;
}

var check = new Check();
byte[] recorded = File.ReadAllBytes(Path.Combine(args[0], "transformation-success.json"));

RecordedDocumentChecks.Run(check, recorded);
await ClientPathChecks.RunAsync(check, recorded);
await HostedClientChecks.RunAsync(check);
await LoopbackServerChecks.RunAsync(check);
await ImagingChecks.RunAsync(check);
await BatchChecks.RunAsync(check);
await ReportChecks.RunAsync(check);

foreach (string failure in check.Failures)
{
    Console.Error.WriteLine($"FAIL {failure}");
}

Console.WriteLine($"aot-smoke: {check.Count - check.Failures.Count} of {check.Count} checks passed");
return check.Failures.Count == 0 ? 0 : 1;

using System.Text.Encodings.Web;
using System.Text.Json;
using SkinLite.TestSupport;

namespace SkinLite.Benchmarks.Documents;

/// <summary>
/// The poll answers the benchmarks parse. The benchmark's own documents live in Fixtures/; the real recorded success is
/// third-party data read from ../shared/fixtures/recorded beside the clone, never copied into the repository.
/// </summary>
public static class BenchmarkDocuments
{
    /// <summary>A PROCESSING answer (~0.5 KB) with <c>status</c> in its usual place, before the other fields.</summary>
    public static byte[] Pending => Own("pending.json");

    /// <summary>The same answer with <c>status</c> as its last field: field order is not guaranteed.</summary>
    public static byte[] PendingStatusLast => Own("pending-status-last.json");

    /// <summary>A 200/SUCCESS answer whose <c>output.error</c> says the image was refused (~0.6 KB).</summary>
    public static byte[] Rejection => Own("rejection.json");

    /// <summary>A FAILURE answer with a top-level <c>error</c> (~0.6 KB).</summary>
    public static byte[] Failure => Own("failure.json");

    /// <summary>The real finished analysis (10 KB, 9 concerns) the service sent.</summary>
    public static byte[] Success => File.ReadAllBytes(Path.Combine(RecordedDirectory(), "transformation-success.json"));

    /// <summary>
    /// The same analysis on one line, without whitespace between tokens (non-ASCII left as it is): what a service that
    /// sends compact JSON would send. The recorded file is indented, which makes every reader, the floor included, slower.
    /// </summary>
    public static byte[] SuccessOnOneLine
    {
        get
        {
            using JsonDocument document = JsonDocument.Parse(Success);
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                document.WriteTo(writer);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>The real submit answer, for handlers that stand in for the service.</summary>
    public static byte[] Accepted => File.ReadAllBytes(Path.Combine(RecordedDirectory(), "transformation-accepted.json"));

    private static byte[] Own(string name) => File.ReadAllBytes(Path.Combine(FindUp(Path.Combine("Fixtures", name), Path.Combine("benchmarks", "SkinLite.Benchmarks", "Fixtures", name)), name));

    /// <summary>
    /// Set SKINLITE_RECORDED to point elsewhere; otherwise ../shared/fixtures/recorded beside the clone, found as the tests
    /// find it (<see cref="RecordedFixtures"/>: the folder above the one holding SkinLite.sln, no other).
    /// </summary>
    private static string RecordedDirectory()
    {
        if (Environment.GetEnvironmentVariable("SKINLITE_RECORDED") is { Length: > 0 } configured)
        {
            return configured;
        }

        return RecordedFixtures.Directory ?? throw new DirectoryNotFoundException(
            $"No ../shared/fixtures/recorded beside the clone that holds {AppContext.BaseDirectory} (or set SKINLITE_RECORDED).");
    }

    /// <summary>The directory holding the first of <paramref name="relativePaths"/> found walking up from the binary, then from the working directory.</summary>
    private static string FindUp(params string[] relativePaths)
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (string relative in relativePaths)
                {
                    string candidate = Path.Combine(dir.FullName, relative);
                    if (File.Exists(candidate))
                    {
                        return Path.GetDirectoryName(candidate)!;
                    }
                }
            }
        }

        throw new FileNotFoundException(
            $"None of [{string.Join(", ", relativePaths)}] was found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
    }
}

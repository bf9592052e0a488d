using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SkinLite.Cli.Tests.Support;
using SkinLite.Emulator;

namespace SkinLite.Cli.Tests.Soak;

/// <summary>
/// Drives a soak: writes the images, starts the hostile emulator on 127.0.0.1, runs the native <c>skinlite batch</c>,
/// SIGKILLs it at random moments (seeded), resumes it until every image is settled, and gathers the figures from the
/// journal, results.jsonl and the emulator's per-image submit counters.
/// </summary>
internal static class BatchSoak
{
    private const int MaxResumes = 8;

    public static async Task<SoakFigures> RunAsync(SoakPlan plan, string folder)
    {
        string images = Path.Combine(folder, "images");
        string output = Path.Combine(folder, "out");
        Dictionary<string, string> hashes = WriteImages(images, plan.Images);
        await using LocalEmulator emulator = await LocalEmulator.StartAsync(plan.EmulatorOptions());
        var random = new Random(plan.Seed);
        var figures = new SoakFigures { Plan = plan };
        var wall = Stopwatch.StartNew();
        string[] arguments = ["batch", images, "--out", output, "--concurrency", "8", "--quiet", .. emulator.ConnectionArguments()];

        // A kill lands somewhere in the first stretch of the run: the whole run takes at least images / rate seconds.
        double expectedSeconds = plan.Images / SoakPlan.Rate;
        for (int run = 0; run < plan.Kills + MaxResumes; run++)
        {
            using Process process = CliProcess.Start(arguments);
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            process.StandardInput.Close();
            using var sampler = new PeakMemorySampler(process.Id);
            if (run < plan.Kills)
            {
                TimeSpan at = TimeSpan.FromSeconds(1 + (random.NextDouble() * expectedSeconds * 0.6));
                if (!process.WaitForExit(at))
                {
                    process.Kill();
                    await process.WaitForExitAsync();
                    figures.KillMoments.Add(at);
                    JournalView afterKill = JournalView.Read(Path.Combine(output, "journal.jsonl"));
                    figures.InFlightAtKills.UnionWith(afterKill.Uncertain);
                }

                figures.Note(run, process.HasExited ? process.ExitCode : -1, await stderr, await stdout, sampler.PeakBytes, killed: true);
                continue;
            }

            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(15));
            await process.WaitForExitAsync(limit.Token);
            figures.Note(run, process.ExitCode, await stderr, await stdout, sampler.PeakBytes, killed: false);
            JournalView journal = JournalView.Read(Path.Combine(output, "journal.jsonl"));
            if (journal.Unsettled(hashes.Keys).Count == 0)
            {
                break;
            }
        }

        figures.Wall = wall.Elapsed;
        figures.Settle(JournalView.Read(Path.Combine(output, "journal.jsonl")), ResultsView.Read(Path.Combine(output, "results.jsonl")), hashes, emulator.Stats);
        return figures;
    }

    /// <summary>Distinct images (each its own content, so the emulator counts each apart): faces, some with no face, some that fail.</summary>
    private static Dictionary<string, string> WriteImages(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var hashes = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string trailer = (i % 10) switch
            {
                7 => $"{SkinAnalysisEmulator.NoFaceMarker} {i}",
                3 when i % 30 == 3 => $"{SkinAnalysisEmulator.FailureMarker} {i}",
                _ => $"soak image {i}",
            };
            byte[] bytes = TestPng.Create(1024, 1024, (byte)(i % 251), trailer: trailer);
            string path = Path.Combine(folder, $"photo-{i:D5}.png");
            File.WriteAllBytes(path, bytes);
            hashes[Path.GetFullPath(path)] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }

        return hashes;
    }
}

/// <summary>The last record of every image in a journal, read line by line (a torn last line is skipped).</summary>
internal sealed class JournalView
{
    private readonly Dictionary<string, string> _last = new(StringComparer.Ordinal);

    public HashSet<string> Uncertain => [.. _last.Where(p => p.Value == "submitting").Select(p => p.Key)];

    public IReadOnlyDictionary<string, string> Last => _last;

    public static JournalView Read(string path)
    {
        var view = new JournalView();
        if (!File.Exists(path))
        {
            return view;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(line);
                if (document.RootElement.TryGetProperty("record", out JsonElement record) && document.RootElement.TryGetProperty("path", out JsonElement image))
                {
                    view._last[Path.GetFullPath(image.GetString()!)] = record.GetString()!;
                }
            }
            catch (JsonException)
            {
                // A line torn by the kill: the journal's reader skips it too.
            }
        }

        return view;
    }

    /// <summary>Images with neither a final outcome nor an uncertain submit: a resume still has work for them.</summary>
    public List<string> Unsettled(IEnumerable<string> images) =>
        [.. images.Where(i => !_last.TryGetValue(i, out string? last) || last is not ("outcome" or "refused" or "submitting"))];
}

/// <summary>The final line of each image in results.jsonl.</summary>
internal sealed class ResultsView
{
    public Dictionary<string, string> Outcomes { get; } = new(StringComparer.Ordinal);

    public int Lines { get; private set; }

    public static ResultsView Read(string path)
    {
        var view = new ResultsView();
        foreach (string line in File.Exists(path) ? File.ReadLines(path) : [])
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            string outcome = root.TryGetProperty("outcome", out JsonElement o) && o.ValueKind == JsonValueKind.String ? o.GetString()!
                : root.TryGetProperty("status", out JsonElement s) ? s.GetString()! : "?";
            view.Outcomes[Path.GetFullPath(root.GetProperty("path").GetString()!)] = outcome;
            view.Lines++;
        }

        return view;
    }
}

/// <summary>Samples a process's peak resident memory (VmHWM) until disposed.</summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public PeakMemorySampler(int pid) => _timer = new Timer(_ => Sample(pid), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(200));

    public long PeakBytes => Interlocked.Read(ref _peak);

    public void Dispose() => _timer.Dispose();

    private void Sample(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    long kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    long bytes = kb * 1024;
                    long seen;
                    while ((seen = Interlocked.Read(ref _peak)) < bytes && Interlocked.CompareExchange(ref _peak, bytes, seen) != seen)
                    {
                    }
                }
            }
        }
        catch (IOException)
        {
            // The process has ended.
        }
    }
}

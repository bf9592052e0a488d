using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace SkinLite.Benchmarks.Batching;

/// <summary>
/// Resuming a batch of 100,000 images: replaying its journal (about 290,000 lines, 47 MB: 95% finished with three records,
/// 3% submitted, 1% uncertain, 1% refused). Target: under a second, and a small state per image. The floor reads the
/// same file and only counts its lines (the I/O and the line split, no JSON).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("batch", "journal-replay")]
public class JournalReplayBenchmarks
{
    private const int Images = 100_000;

    private string _folder = "";
    private string _journal = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("skinlite-journal-bench-").FullName;
        _journal = Path.Combine(_folder, "batch.jsonl");
        Write(_journal);

        long before = GC.GetTotalMemory(forceFullCollection: true);
        JournalState state = Journal.Replay(_journal);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        if (state.Images.Count != Images || state.DamagedLines.Count != 0)
        {
            throw new InvalidOperationException($"The replay found {state.Images.Count} images and {state.DamagedLines.Count} damaged lines.");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// journal: {new FileInfo(_journal).Length / 1e6:0.0} MB, {state.Records:N0} records, {Images:N0} images; replayed state retained: {(after - before) / 1e6:0.0} MB ({(after - before) / (double)Images:0} B per image)"));
        GC.KeepAlive(state);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "floor: read and count lines")]
    public long CountLines()
    {
        using var file = new FileStream(_journal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
        byte[] buffer = new byte[64 * 1024];
        long lines = 0;
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }

    [Benchmark(Description = "Journal.Replay 100k images")]
    public int Replay() => Journal.Replay(_journal).Images.Count;

    /// <summary>The journal a real batch would leave: records written by the journal's own formatter.</summary>
    private static void Write(string path)
    {
        var at = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new Utf8JsonWriter(file, JournalRecords.WriterOptions);
        JournalRecords.WriteHeader(writer, at);
        NewLine();
        for (int i = 0; i < Images; i++)
        {
            string image = string.Create(CultureInfo.InvariantCulture, $"/data/clinic-scans/2026-11/patient-{i / 10:D5}/IMG_20261130_{i:D6}.jpg");
            ContentHash hash = ContentHash.Of(BitConverter.GetBytes(i));
            int kind = i % 100;
            if (kind == 98)
            {
                JournalRecords.WriteRefused(writer, image, hash, RejectionReason.ResolutionTooSmall, "The image is 800x600 px; the service needs 1024 to 2048 px on each side.", at);
                NewLine();
                continue;
            }

            JournalRecords.WriteSubmitting(writer, image, hash, at);
            NewLine();
            if (kind == 99)
            {
                continue; // uncertain
            }

            var job = new SkinAnalysisJob
            {
                Api = SkinLiteApi.Private,
                AppId = "3f2c9a7e-5b1d-4e8f-9a6c-2d7b8e4f1a0c",
                ScanId = string.Create(CultureInfo.InvariantCulture, $"scan-{i:D8}-7d3e"),
                PredictionId = string.Create(CultureInfo.InvariantCulture, $"65f0c2a9e4b1{i:D12}"),
                SubjectId = string.Create(CultureInfo.InvariantCulture, $"subject-{i:D8}"),
                Status = JobStatus.Accepted,
                CreatedAt = at,
            };
            JournalRecords.WriteSubmitted(writer, image, hash, job, at);
            NewLine();
            if (kind >= 95)
            {
                continue; // submitted, waiting
            }

            var outcome = kind == 0
                ? new JournalOutcome(OutcomeKind.Rejected, RejectionReason.NoFaceDetected, "No face detected", 1)
                : new JournalOutcome(OutcomeKind.Succeeded, RejectionReason.None, null, 1);
            JournalRecords.WriteOutcome(writer, image, hash, outcome, at);
            NewLine();
        }

        void NewLine()
        {
            writer.Flush();
            file.WriteByte((byte)'\n');
            writer.Reset();
        }
    }
}

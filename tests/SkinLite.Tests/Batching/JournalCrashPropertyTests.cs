using CsCheck;
using SkinLite.Tests.Reading;
using Xunit.Abstractions;
using static SkinLite.Tests.Batching.JournalSamples;

namespace SkinLite.Tests.Batching;

/// <summary>
/// A crash can cut the journal at any byte of the record being written. For generated journals (random sequences of
/// every record kind over a few images, some of whose files change), the file is cut at EVERY byte offset of its last
/// record and replayed: replay never throws, every earlier record still counts, the cut line is reported as torn (and
/// not applied) unless only its line end is missing, and a writer that opens the cut file appends records that replay.
/// </summary>
public sealed class JournalCrashPropertyTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Paths = ["/photos/a.jpg", "/photos/b \"quoted\".jpg", "/фото/ü.png", "/photos/d\\e\n.jpg"];
    private static readonly string?[] Messages = [null, "No face detected", "\u0001 control and \"quotes\" and ✓", ""];

    private readonly TempFolder _folder = new("skinlite-journal-crash-");
    private int _files;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Replay_after_a_cut_at_every_byte_of_the_last_record_never_throws_and_keeps_every_earlier_record()
    {
        Gen<Op[]> journals = Gen.Select(Gen.Int[0, Paths.Length - 1], Gen.Int[0, 4], Gen.Int[0, 1], Gen.Int[0, Messages.Length - 1], Gen.Int[0, 9])
            .Select((path, kind, version, message, credits) => new Op(path, kind, version, message, credits))
            .Array[1, 12];
        long cuts = 0;

        ReproducibleSample.Run(journals, ops => Interlocked.Add(ref cuts, CheckEveryCut(ops)), masterSeed: 0x5EED_0B01, iterations: 150, output.WriteLine, ops => string.Join(" ", ops));

        output.WriteLine($"{cuts:N0} cut journals replayed");
        Assert.True(cuts > 10_000, $"only {cuts} cuts");
    }

    private long CheckEveryCut(Op[] ops)
    {
        string path = Path.Combine(_folder.Path, $"j{Interlocked.Increment(ref _files)}.jsonl");
        long lastStart;
        using (Journal journal = Open(path))
        {
            foreach (Op op in ops[..^1])
            {
                Write(journal, op);
            }

            lastStart = new FileInfo(path).Length;
            Write(journal, ops[^1]);
        }

        byte[] bytes = File.ReadAllBytes(path);
        string before = Snapshot(JournalState.Read(new MemoryStream(bytes, 0, (int)lastStart), "before"));
        string after = Snapshot(JournalState.Read(new MemoryStream(bytes), "after"));
        long cuts = 0;
        for (int cut = (int)lastStart; cut < bytes.Length; cut++)
        {
            JournalState state = JournalState.Read(new MemoryStream(bytes, 0, cut), "cut");
            bool onlyTheLineEndIsMissing = cut == bytes.Length - 1;
            Assert.Equal(onlyTheLineEndIsMissing ? after : before, Snapshot(state));
            Assert.Equal(cut > lastStart && !onlyTheLineEndIsMissing, state.TornTail is not null);
            Assert.Equal(state.TornTail is null ? 0 : 1, state.DamagedLines.Count);
            cuts++;
        }

        // A writer opened on a cut file (half the last record left) ends the torn line and appends records that replay.
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(lastStart + ((bytes.Length - lastStart) / 2));
        }

        ContentHash extra = HashOf("extra");
        using (Journal journal = Open(path))
        {
            Assert.Equal(before, Snapshot(journal.State));
            journal.RecordRefusedAsync("/extra.jpg", extra, RejectionReason.FileTooLarge, null).GetAwaiter().GetResult();
        }

        JournalState reopened = Journal.Replay(path);
        Assert.Equal(JournalEntryState.Refused, reopened.StateOf("/extra.jpg", extra)?.State);
        Assert.Equal(ops.Length - 1 + 1, reopened.Records);
        File.Delete(path);
        return cuts;
    }

    private static void Write(Journal journal, Op op)
    {
        string path = Paths[op.Path];
        ContentHash hash = HashOf(path + op.Version);
        string? message = Messages[op.Message];
        Task write = op.Kind switch
        {
            0 => journal.RecordSubmittingAsync(path, hash),
            1 => journal.RecordSubmittedAsync(path, hash, Job(op.Credits)),
            2 => journal.RecordOutcomeAsync(path, hash, new JournalOutcome((OutcomeKind)(2 + (op.Credits % 3)), op.Credits % 3 == 1 ? RejectionReason.NoFaceDetected : RejectionReason.None, message, op.Credits > 5 ? null : op.Credits)),
            3 => journal.RecordRefusedAsync(path, hash, RejectionReason.CorruptImage, message),
            _ => journal.RecordNotSubmittedAsync(path, hash, message ?? "budget"),
        };
        write.GetAwaiter().GetResult();
    }

    private static string Snapshot(JournalState state) => string.Join("\n", state.Images.Select(i =>
        $"{i.Path}|{i.Hash}|{i.State}|{i.Job?.ToJson()}|{i.Outcome}|{i.RefusedReason}|{i.Note}|{i.SubmitAttempts}|{i.OlderOfSamePath?.Hash}")) + $"\nrecords {state.Records}";

    private readonly record struct Op(int Path, int Kind, int Version, int Message, int Credits)
    {
        public override string ToString() => $"{Kind}:{Path}.{Version}.{Message}.{Credits}";
    }
}

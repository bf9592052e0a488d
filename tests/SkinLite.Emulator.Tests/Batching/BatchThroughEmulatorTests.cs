using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests.Batching;

/// <summary>AnalyzeManyAsync against the in-process emulator: outcomes, the journal, and a resume that submits nothing twice.</summary>
public sealed class BatchThroughEmulatorTests
{
    [Fact]
    public async Task A_folder_of_faces_no_face_and_a_bad_file_each_end_as_they_should_and_a_resume_submits_nothing()
    {
        using var folder = new TempFolder();
        var paths = new List<string>();
        for (int i = 0; i < 6; i++)
        {
            paths.Add(folder.Write($"face-{i}.png", Emulated.Face((byte)(0x40 + i))));
        }

        paths.Add(folder.Write("noface.png", Emulated.Face(0x20, trailer: SkinAnalysisEmulator.NoFaceMarker)));
        paths.Add(folder.Write("empty.png", []));
        paths.Add(Path.Combine(folder.Path, "missing.png"));
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant());
        SkinLiteClient client = Emulated.Client(emulator);
        var options = new BatchOptions { JournalPath = Path.Combine(folder.Path, "journal.jsonl"), KeepDocuments = true, Polling = new PollingOptions { InitialDelay = TimeSpan.Zero, Interval = TimeSpan.FromMilliseconds(20), MinDelay = TimeSpan.FromMilliseconds(10) } };

        var first = new List<BatchItemResult>();
        await foreach (BatchItemResult item in client.AnalyzeManyAsync(paths, options))
        {
            first.Add(item);
        }

        Assert.Equal(paths.Count, first.Count);
        Assert.Equal(6, first.Count(r => r.Status == BatchItemStatus.Succeeded && r.Submitted && !r.Document.IsEmpty));
        Assert.Equal(RejectionReason.NoFaceDetected, Assert.Single(first, r => r.Status == BatchItemStatus.Rejected).Reason);
        Assert.Equal(2, first.Count(r => r.Status == BatchItemStatus.Refused && r.ContentHash is null));
        Assert.Equal(7, emulator.Stats.AcceptedSubmits);

        var second = new List<BatchItemResult>();
        await foreach (BatchItemResult item in client.AnalyzeManyAsync(paths, options))
        {
            second.Add(item);
        }

        Assert.Equal(7, emulator.Stats.AcceptedSubmits);
        Assert.Equal(7, second.Count(r => r.FromJournal && r.IsFinal));
    }
}

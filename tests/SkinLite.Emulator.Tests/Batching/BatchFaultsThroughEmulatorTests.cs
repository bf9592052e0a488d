using SkinLite.Emulator.Tests.Support;

namespace SkinLite.Emulator.Tests.Batching;

/// <summary>Submits that meet the emulator's faults: a dropped answer makes the image uncertain (never resubmitted unasked), a 503 is tried again.</summary>
public sealed class BatchFaultsThroughEmulatorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string JournalPath => Path.Combine(_folder.Path, "journal.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_submit_whose_answer_is_dropped_is_uncertain_and_a_resume_does_not_pay_for_it_again()
    {
        List<string> paths = BatchRuns.WriteFaces(_folder, 1, out Dictionary<string, byte[]> images);
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant("drop"));
        SkinLiteClient client = Emulated.Client(emulator);
        var options = new BatchOptions { JournalPath = JournalPath, Polling = BatchRuns.FastPolling() };

        BatchItemResult first = Assert.Single(await BatchRuns.CollectAsync(client, paths, options));
        BatchItemResult second = Assert.Single(await BatchRuns.CollectAsync(client, paths, options));

        Assert.Equal(BatchItemStatus.Uncertain, first.Status);
        Assert.True(first.Submitted);
        Assert.True(Assert.IsAssignableFrom<SkinLiteException>(first.Error).JobMayExist);
        Assert.Equal(BatchItemStatus.Uncertain, second.Status);
        Assert.True(second.FromJournal);
        Assert.Equal(1, emulator.Stats.SubmitsOf(images[paths[0]]));
    }

    [Fact]
    public async Task A_submit_refused_with_429_is_tried_again_after_the_pause_and_the_image_is_analysed_once()
    {
        List<string> paths = BatchRuns.WriteFaces(_folder, 1, out Dictionary<string, byte[]> images);
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant("429,429"));
        SkinLiteClient client = Emulated.Client(emulator);

        BatchItemResult result = Assert.Single(await BatchRuns.CollectAsync(client, paths, new BatchOptions { JournalPath = JournalPath, Polling = BatchRuns.FastPolling() }));

        Assert.Equal(BatchItemStatus.Succeeded, result.Status);
        Assert.Equal(1, emulator.Stats.SubmitsOf(images[paths[0]]));
        Assert.Equal(1, emulator.Stats.AcceptedSubmits);
    }

    [Fact]
    public async Task A_submit_answered_503_without_retry_after_may_have_created_a_job_so_it_is_uncertain_not_tried_again()
    {
        List<string> paths = BatchRuns.WriteFaces(_folder, 1, out _);
        using var emulator = new SkinAnalysisEmulator(Emulated.Instant("503"));
        var counter = new SubmitCounter(emulator.CreateHandler());
        SkinLiteClient client = Emulated.Client(counter, SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private), SkinLiteApi.Private);

        BatchItemResult result = Assert.Single(await BatchRuns.CollectAsync(client, paths, new BatchOptions { JournalPath = JournalPath, Polling = BatchRuns.FastPolling() }));

        Assert.Equal(BatchItemStatus.Uncertain, result.Status);
        Assert.IsType<SkinLiteServerException>(result.Error);
        Assert.Equal(1, counter.Posts);
    }
}

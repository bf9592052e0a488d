using System.Net;
using SkinLite.Tests.Batching.Support;

namespace SkinLite.Tests.Batching;

/// <summary>A wait that ends without an outcome: the image is unfinished with its handle, stays submitted in the journal, and a resume waits again.</summary>
public sealed class BatchWaitFailureTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string JournalPath => Path.Combine(_folder.Path, "journal.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_wait_past_its_deadline_leaves_the_image_unfinished_with_its_job_and_a_resume_waits_for_it_without_a_new_submit()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var first = new FakeBatchService
        {
            OnWait = (job, _) => throw new SkinLiteWaitTimeoutException(job, JobStatus.Processing, TimeSpan.FromMinutes(10), polls: 40, null),
        };

        BatchItemResult unfinished = Assert.Single(await BatchDriver.RunAllAsync(first, [path], new BatchOptions { JournalPath = JournalPath }));

        Assert.Equal(BatchItemStatus.Unfinished, unfinished.Status);
        Assert.True(unfinished.Submitted);
        Assert.IsType<SkinLiteWaitTimeoutException>(unfinished.Error);
        Assert.Contains("A resume waits for the job again (no new submit).", unfinished.Message, StringComparison.Ordinal);
        Assert.Equal("prediction-1", unfinished.Job!.PredictionId);
        Assert.Equal(JournalEntryState.Submitted, Assert.Single(Journal.Replay(JournalPath).Images).State);

        var second = new FakeBatchService();
        BatchItemResult finished = Assert.Single(await BatchDriver.RunAllAsync(second, [path], new BatchOptions { JournalPath = JournalPath }));

        Assert.Equal(BatchItemStatus.Succeeded, finished.Status);
        Assert.Equal(0, second.SubmitCalls);
        Assert.Equal("prediction-1", Assert.Single(second.WaitedJobs).PredictionId);
    }

    [Fact]
    public async Task A_key_refused_while_polling_stops_the_submits_of_the_rest()
    {
        List<string> paths = BatchImages.Write(_folder, 8);
        var service = new FakeBatchService
        {
            OnWait = (_, _) => throw new SkinLiteAuthenticationException(new ApiErrorDetails(HttpStatusCode.Unauthorized, null, "Unauthorized", null, null, null), "The service refused the key (401)."),
        };

        List<BatchItemResult> results = await BatchDriver.RunAllAsync(service, paths, new BatchOptions { MaxConcurrentSubmits = 1, MaxConcurrentWaits = 1 });

        Assert.Equal(8, results.Count);
        Assert.Equal(1, service.SubmitCalls);
        Assert.Equal(BatchItemStatus.Unfinished, Assert.Single(results, r => r.Submitted).Status);
        Assert.Equal(7, results.Count(r => r.Status == BatchItemStatus.NotSubmitted && r.StopReason == BatchStopReason.Authentication));
    }

    [Fact]
    public async Task A_failed_job_is_journaled_as_finished_and_not_submitted_again_on_resume()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var first = new FakeBatchService { OnWait = (_, _) => Task.FromResult("""{"status":"FAILURE","error":"Backend failed","consumedCredits":5}"""u8.ToArray()) };

        BatchItemResult failed = Assert.Single(await BatchDriver.RunAllAsync(first, [path], new BatchOptions { JournalPath = JournalPath }));
        var second = new FakeBatchService();
        BatchItemResult again = Assert.Single(await BatchDriver.RunAllAsync(second, [path], new BatchOptions { JournalPath = JournalPath }));

        Assert.Equal(BatchItemStatus.Failed, failed.Status);
        Assert.Equal(5, failed.ConsumedCredits);
        Assert.Equal(BatchItemStatus.Failed, again.Status);
        Assert.True(again.FromJournal);
        Assert.Equal(5, again.ConsumedCredits);
        Assert.Equal("Backend failed", again.Message);
        Assert.Equal(0, second.SubmitCalls);
    }
}

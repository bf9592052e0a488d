using System.Net;
using SkinLite.Tests.Batching.Support;

namespace SkinLite.Tests.Batching;

/// <summary>The journal around each submit: submitting on the disk before the request, the ids right after, and what a failed submit leaves.</summary>
public sealed class BatchJournalOrderingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string JournalPath => Path.Combine(_folder.Path, "journal.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Submitting_is_on_the_disk_before_each_submit_is_sent_and_submitted_right_after_it_answers()
    {
        List<string> paths = BatchImages.Write(_folder, 5);
        var service = new FakeBatchService();
        var seenAtSubmit = new List<(string Image, string? Last, JournalEntryState? State)>();
        service.OnSubmit = (_, name, _) =>
        {
            string image = paths.Single(p => Path.GetFileName(p) == name);
            JournalState state = Journal.Replay(JournalPath);
            lock (seenAtSubmit)
            {
                seenAtSubmit.Add((image, JournalLines.LastOf(JournalPath, image), state.LatestOf(image)?.State));
            }

            return Task.FromResult(service.NewJob());
        };
        var seenAtWait = new List<(string PredictionId, string? Last, JournalEntryState? State, string? JournaledId)>();
        service.OnWait = (job, _) =>
        {
            JournalImage image = Journal.Replay(JournalPath).Images.Single(i => i.Job?.PredictionId == job.PredictionId);
            lock (seenAtWait)
            {
                seenAtWait.Add((job.PredictionId, JournalLines.LastOf(JournalPath, image.Path), image.State, image.Job?.PredictionId));
            }

            return Task.FromResult(FakeBatchService.SuccessDocument);
        };

        List<BatchItemResult> results = await BatchDriver.RunAllAsync(service, paths, new BatchOptions { JournalPath = JournalPath, MaxConcurrentSubmits = 3 });

        Assert.All(results, r => Assert.Equal(BatchItemStatus.Succeeded, r.Status));
        Assert.Equal(5, seenAtSubmit.Count);
        Assert.All(seenAtSubmit, s =>
        {
            Assert.Equal("submitting", s.Last);
            Assert.Equal(JournalEntryState.Uncertain, s.State);
        });
        Assert.Equal(paths.Order(), seenAtSubmit.Select(s => s.Image).Order());
        Assert.Equal(5, seenAtWait.Count);
        Assert.All(seenAtWait, s =>
        {
            Assert.Equal("submitted", s.Last);
            Assert.Equal(JournalEntryState.Submitted, s.State);
            Assert.Equal(s.PredictionId, s.JournaledId);
        });
    }

    [Fact]
    public async Task The_records_of_one_image_are_submitting_submitted_outcome_in_that_order()
    {
        List<string> paths = BatchImages.Write(_folder, 3);

        await BatchDriver.RunAllAsync(new FakeBatchService(), paths, new BatchOptions { JournalPath = JournalPath });

        List<(string Record, string Path)> records = JournalLines.Read(JournalPath);
        foreach (string path in paths)
        {
            Assert.Equal(["submitting", "submitted", "outcome"], records.Where(r => r.Path == path).Select(r => r.Record));
        }
    }

    [Fact]
    public async Task A_submit_that_may_have_created_a_job_leaves_the_image_uncertain_and_it_is_not_submitted_again_on_resume()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var service = new FakeBatchService
        {
            OnSubmit = (_, _, _) => throw new SkinLiteTransportException("The connection dropped after the upload.", HttpRequestError.ConnectionError, isTimeout: false, null).MarkJobMayExist(),
        };

        BatchItemResult result = Assert.Single(await BatchDriver.RunAllAsync(service, [path], new BatchOptions { JournalPath = JournalPath }));

        Assert.Equal(BatchItemStatus.Uncertain, result.Status);
        Assert.True(result.Submitted);
        Assert.True(Assert.IsAssignableFrom<SkinLiteException>(result.Error).JobMayExist);
        Assert.Equal(1, service.SubmitCalls);
        JournalImage journaled = Assert.Single(Journal.Replay(JournalPath).Images);
        Assert.Equal(JournalEntryState.Uncertain, journaled.State);
        Assert.Equal("submitting", JournalLines.LastOf(JournalPath, path));

        var resumed = new FakeBatchService();
        BatchItemResult again = Assert.Single(await BatchDriver.RunAllAsync(resumed, [path], new BatchOptions { JournalPath = JournalPath }));

        Assert.Equal(BatchItemStatus.Uncertain, again.Status);
        Assert.True(again.FromJournal);
        Assert.False(again.Submitted);
        Assert.Equal(0, resumed.SubmitCalls);
    }

    [Fact]
    public async Task An_uncertain_image_is_submitted_again_only_when_resubmit_uncertain_is_asked()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var failing = new FakeBatchService
        {
            OnSubmit = (_, _, _) => throw new SkinLiteTransportException("Timed out.", HttpRequestError.Unknown, isTimeout: true, null).MarkJobMayExist(),
        };
        await BatchDriver.RunAllAsync(failing, [path], new BatchOptions { JournalPath = JournalPath });

        var resumed = new FakeBatchService();
        BatchItemResult again = Assert.Single(await BatchDriver.RunAllAsync(resumed, [path], new BatchOptions { JournalPath = JournalPath, ResubmitUncertain = true }));

        Assert.Equal(BatchItemStatus.Succeeded, again.Status);
        Assert.True(again.Submitted);
        Assert.Equal(1, resumed.SubmitCalls);
        Assert.Equal(2, Assert.Single(Journal.Replay(JournalPath).Images).SubmitAttempts);
    }

    [Fact]
    public async Task A_submit_that_proves_no_job_was_created_is_journaled_not_submitted_and_a_resume_submits_it()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var refusing = new FakeBatchService
        {
            OnSubmit = (_, _, _) => throw new SkinLiteApiException(new ApiErrorDetails(HttpStatusCode.BadRequest, "BAD", "Bad request", null, null, null), "The service refused the request (400)."),
        };

        BatchItemResult result = Assert.Single(await BatchDriver.RunAllAsync(refusing, [path], new BatchOptions { JournalPath = JournalPath }));

        Assert.Equal(BatchItemStatus.NotSubmitted, result.Status);
        Assert.Equal(BatchStopReason.SubmitRefused, result.StopReason);
        Assert.IsType<SkinLiteApiException>(result.Error);
        Assert.Equal(1, refusing.SubmitCalls);
        Assert.Equal(JournalEntryState.NotSubmitted, Assert.Single(Journal.Replay(JournalPath).Images).State);
        Assert.Equal("not-submitted", JournalLines.LastOf(JournalPath, path));

        var resumed = new FakeBatchService();
        BatchItemResult again = Assert.Single(await BatchDriver.RunAllAsync(resumed, [path], new BatchOptions { JournalPath = JournalPath }));

        Assert.Equal(BatchItemStatus.Succeeded, again.Status);
        Assert.True(again.Submitted);
        Assert.False(again.FromJournal);
        Assert.Equal(1, resumed.SubmitCalls);
        Assert.Equal(JournalEntryState.Finished, Assert.Single(Journal.Replay(JournalPath).Images).State);
    }

    [Fact]
    public async Task A_busy_service_is_tried_again_within_the_rounds_and_each_try_is_journaled()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var service = new FakeBatchService();
        int calls = 0;
        service.OnSubmit = (_, _, _) => ++calls <= 2
            ? throw new SkinLiteServerException(new ApiErrorDetails(HttpStatusCode.ServiceUnavailable, null, "Busy", null, null, null), "The service is busy (503).")
            : Task.FromResult(service.NewJob());

        BatchItemResult result = Assert.Single(await BatchDriver.RunAllAsync(service, [path], new BatchOptions { JournalPath = JournalPath }));

        Assert.Equal(BatchItemStatus.Succeeded, result.Status);
        Assert.Equal(3, service.SubmitCalls);
        Assert.Equal(
            ["submitting", "not-submitted", "submitting", "not-submitted", "submitting", "submitted", "outcome"],
            JournalLines.Read(JournalPath).Select(r => r.Record));
    }

    [Fact]
    public async Task A_service_that_is_always_busy_is_given_up_on_after_the_rounds_and_the_image_is_not_submitted()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var service = new FakeBatchService
        {
            OnSubmit = (_, _, _) => throw new SkinLiteServerException(new ApiErrorDetails(HttpStatusCode.ServiceUnavailable, null, "Busy", null, null, null), "The service is busy (503)."),
        };

        BatchItemResult result = Assert.Single(await BatchDriver.RunAllAsync(service, [path], new BatchOptions { JournalPath = JournalPath }));

        Assert.Equal(BatchItemStatus.NotSubmitted, result.Status);
        Assert.Equal(BatchStopReason.SubmitRefused, result.StopReason);
        Assert.Equal(BatchRun.SubmitRounds, service.SubmitCalls);
        Assert.Equal(JournalEntryState.NotSubmitted, Assert.Single(Journal.Replay(JournalPath).Images).State);
    }
}

using SkinLite.Tests.Batching.Support;

namespace SkinLite.Tests.Batching;

/// <summary>How each image is turned into what is sent: the prepare hook, the default preflight, and files that cannot be images.</summary>
public sealed class BatchPrepareTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string JournalPath => Path.Combine(_folder.Path, "journal.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_refusal_of_the_prepare_hook_is_journaled_as_refused_carries_its_reason_and_is_never_sent()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var service = new FakeBatchService();
        int prepared = 0;
        var options = new BatchOptions
        {
            JournalPath = JournalPath,
            Prepare = (_, _, _) =>
            {
                prepared++;
                return ValueTask.FromResult(PreparedImage.Refuse(RejectionReason.ResolutionTooSmall, "The face is too small to fit."));
            },
        };

        BatchItemResult result = Assert.Single(await BatchDriver.RunAllAsync(service, [path], options));

        Assert.Equal(BatchItemStatus.Refused, result.Status);
        Assert.Equal(RejectionReason.ResolutionTooSmall, result.Reason);
        Assert.Equal("The face is too small to fit.", result.Message);
        Assert.NotNull(result.ContentHash);
        Assert.Equal(0, service.SubmitCalls);
        JournalImage journaled = Assert.Single(Journal.Replay(JournalPath).Images);
        Assert.Equal(JournalEntryState.Refused, journaled.State);
        Assert.Equal(RejectionReason.ResolutionTooSmall, journaled.RefusedReason);

        // A resume checks a refused image again (free: nothing is sent) ...
        BatchItemResult again = Assert.Single(await BatchDriver.RunAllAsync(service, [path], options));

        Assert.Equal(BatchItemStatus.Refused, again.Status);
        Assert.False(again.FromJournal);
        Assert.Equal(RejectionReason.ResolutionTooSmall, again.Reason);
        Assert.Equal(2, prepared);
        Assert.Equal(0, service.SubmitCalls);

        // ... so one run with other settings (say, fitting turned on) sends what an earlier one refused.
        options.Prepare = (_, content, _) => ValueTask.FromResult(PreparedImage.Send(content, "fitted.jpg"));
        BatchItemResult sent = Assert.Single(await BatchDriver.RunAllAsync(service, [path], options));

        Assert.Equal(BatchItemStatus.Succeeded, sent.Status);
        Assert.Equal(1, service.SubmitCalls);
        Assert.Equal(JournalEntryState.Finished, Assert.Single(Journal.Replay(JournalPath).Images).State);
    }

    [Fact]
    public async Task What_the_prepare_hook_sends_is_sent_under_its_file_name_and_its_note_comes_back_with_the_result()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        byte[] fitted = BatchImages.Bytes(99);
        var owner = new DisposalProbe();
        var service = new FakeBatchService();
        var options = new BatchOptions
        {
            Prepare = (_, _, _) => ValueTask.FromResult(PreparedImage.Send(fitted, "fitted.png", owner, note: "fitted to 1024x1024")),
        };

        BatchItemResult result = Assert.Single(await BatchDriver.RunAllAsync(service, [path], options));

        Assert.Equal(BatchItemStatus.Succeeded, result.Status);
        Assert.Equal("fitted to 1024x1024", result.Note);
        Assert.Equal("fitted.png", Assert.Single(service.SubmittedNames));
        Assert.Equal(fitted, Assert.Single(service.SubmittedContents));
        Assert.True(owner.Disposed);
        // The journal keys the image by the original file, not by the bytes sent.
        Assert.Equal(ContentHash.Of(File.ReadAllBytes(path)).ToString(), result.ContentHash);
    }

    [Fact]
    public async Task Without_a_prepare_hook_the_file_is_sent_as_it_is_under_its_own_name()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var service = new FakeBatchService();

        BatchItemResult result = Assert.Single(await BatchDriver.RunAllAsync(service, [path], new BatchOptions()));

        Assert.Equal(BatchItemStatus.Succeeded, result.Status);
        Assert.Null(result.Note);
        Assert.Equal(Path.GetFileName(path), Assert.Single(service.SubmittedNames));
        Assert.Equal(File.ReadAllBytes(path), Assert.Single(service.SubmittedContents));
    }

    [Fact]
    public async Task Without_a_prepare_hook_a_file_the_preflight_refuses_is_journaled_as_refused_and_never_sent()
    {
        string path = _folder.Write("anim.gif", TestImages.Gif());
        var service = new FakeBatchService();

        BatchItemResult result = Assert.Single(await BatchDriver.RunAllAsync(service, [path], new BatchOptions { JournalPath = JournalPath }));

        Assert.Equal(BatchItemStatus.Refused, result.Status);
        Assert.NotEqual(RejectionReason.None, result.Reason);
        Assert.Contains(path, result.Message, StringComparison.Ordinal);
        Assert.Equal(0, service.SubmitCalls);
        Assert.Equal(JournalEntryState.Refused, Assert.Single(Journal.Replay(JournalPath).Images).State);
    }

    [Fact]
    public async Task A_prepare_hook_that_returns_null_ends_the_batch_with_an_error_that_says_so()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var service = new FakeBatchService();
        var options = new BatchOptions { Prepare = (_, _, _) => ValueTask.FromResult<PreparedImage>(null!) };

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => BatchDriver.RunAllAsync(service, [path], options));

        Assert.Contains("BatchOptions.Prepare returned null", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, service.SubmitCalls);
    }

    [Fact]
    public async Task KeepDocuments_hands_back_the_service_document_and_without_it_none_is_kept()
    {
        string path = BatchImages.Write(_folder, 1)[0];

        BatchItemResult kept = Assert.Single(await BatchDriver.RunAllAsync(new FakeBatchService(), [path], new BatchOptions { KeepDocuments = true }));
        BatchItemResult notKept = Assert.Single(await BatchDriver.RunAllAsync(new FakeBatchService(), [path], new BatchOptions()));

        Assert.Equal(FakeBatchService.SuccessDocument, kept.Document.ToArray());
        Assert.True(notKept.Document.IsEmpty);
        Assert.Equal(OutcomeKind.Succeeded, notKept.Outcome.Kind);
    }

    [Fact]
    public async Task A_path_listed_twice_is_analysed_once()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var service = new FakeBatchService();

        List<BatchItemResult> results = await BatchDriver.RunAllAsync(service, [path, path], new BatchOptions { JournalPath = JournalPath });

        Assert.Equal(2, results.Count);
        Assert.Equal(1, service.SubmitCalls);
        Assert.Single(results, r => r.Status == BatchItemStatus.Succeeded);
        BatchItemResult duplicate = Assert.Single(results, r => r.Status == BatchItemStatus.Refused);
        Assert.Contains("more than once", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(Journal.Replay(JournalPath).Images).SubmitAttempts);
    }

    [Fact]
    public async Task Missing_empty_directory_and_blank_paths_are_refused_with_a_message_that_names_the_problem_and_never_sent()
    {
        string missing = Path.Combine(_folder.Path, "missing.png");
        string empty = _folder.Write("empty.png", []);
        string directory = Directory.CreateDirectory(Path.Combine(_folder.Path, "a-folder.png")).FullName;
        var service = new FakeBatchService();

        List<BatchItemResult> results = await BatchDriver.RunAllAsync(service, [missing, empty, directory, "  "], new BatchOptions { JournalPath = JournalPath });

        Assert.Equal(4, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal(BatchItemStatus.Refused, r.Status);
            Assert.Null(r.ContentHash);
            Assert.False(r.Submitted);
        });
        Assert.Equal($"There is no file at '{missing}'.", results.Single(r => r.Path == missing).Message);
        Assert.Equal($"'{empty}' is empty (0 bytes).", results.Single(r => r.Path == empty).Message);
        Assert.Contains("not an image file", results.Single(r => r.Path == directory).Message, StringComparison.Ordinal);
        Assert.Contains("empty path", results.Single(r => r.Path == "  ").Message, StringComparison.Ordinal);
        Assert.Equal(0, service.SubmitCalls);
        Assert.Empty(Journal.Replay(JournalPath).Images);
    }

    [Fact]
    public async Task A_file_over_the_size_cap_is_refused_without_being_sent()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var service = new FakeBatchService();

        BatchItemResult result = Assert.Single(await BatchDriver.RunAllAsync(service, [path], new BatchOptions { MaxFileBytes = 100 }));

        Assert.Equal(BatchItemStatus.Refused, result.Status);
        Assert.Contains("MaxFileBytes", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, service.SubmitCalls);
    }
}

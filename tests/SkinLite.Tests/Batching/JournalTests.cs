using System.Text;
using static SkinLite.Tests.Batching.JournalSamples;

namespace SkinLite.Tests.Batching;

/// <summary>The batch journal: every record kind written and replayed, the header and its version, the writer's lock,
/// concurrent writers, crashes at each step, changed files.</summary>
public sealed class JournalTests : IDisposable
{
    private readonly TempFolder _folder = new("skinlite-journal-");

    private string JournalPath => Path.Combine(_folder.Path, "batch.journal.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Every_record_kind_round_trips()
    {
        ContentHash a = HashOf("a"), b = HashOf("b"), c = HashOf("c"), d = HashOf("d"), e = HashOf("e"), f = HashOf("f"), g = HashOf("g");
        await using (Journal journal = Journal.Open(JournalPath, Clock()))
        {
            Assert.Empty(journal.State.Images);
            await journal.RecordSubmittingAsync("/photos/a.jpg", a);
            await journal.RecordSubmittedAsync("/photos/a.jpg", a, Job(1));
            await journal.RecordOutcomeAsync("/photos/a.jpg", a, new JournalOutcome(OutcomeKind.Succeeded, RejectionReason.None, null, 1));
            await journal.RecordSubmittingAsync("/photos/b.jpg", b);
            await journal.RecordSubmittedAsync("/photos/b.jpg", b, Job(2));
            await journal.RecordOutcomeAsync("/photos/b.jpg", b, AnalysisOutcome.Parse("""{"status":"SUCCESS","output":{"error":"No face detected","status_code":422}}"""));
            await journal.RecordSubmittingAsync("/photos/c.jpg", c);
            await journal.RecordSubmittedAsync("/photos/c.jpg", c, Job(3));
            await journal.RecordOutcomeAsync("/photos/c.jpg", c, AnalysisOutcome.Parse("""{"status":"FAILURE","error":"Backend failed"}"""), consumedCredits: 0);
            await journal.RecordSubmittingAsync("/photos/d.jpg", d);
            await journal.RecordSubmittedAsync("/photos/d.jpg", d, Job(4));
            await journal.RecordSubmittingAsync("/photos/e.jpg", e);
            await journal.RecordRefusedAsync("/photos/f \"ünï\"\n.png", f, RejectionReason.ResolutionTooSmall, "The image is 800x600 px; the service needs 1024-2048.");
            await journal.RecordNotSubmittedAsync("/photos/g.jpg", g, "the budget of 100 credits is spent");
        }

        JournalState state = Journal.Replay(JournalPath);

        Assert.Equal(14, state.Records);
        Assert.Empty(state.DamagedLines);
        Assert.Equal(7, state.Images.Count);
        Assert.Equal(["/photos/a.jpg", "/photos/b.jpg", "/photos/c.jpg", "/photos/d.jpg", "/photos/e.jpg", "/photos/f \"ünï\"\n.png", "/photos/g.jpg"], state.Images.Select(i => i.Path));

        JournalImage succeeded = state.StateOf("/photos/a.jpg", a)!;
        Assert.Equal(JournalEntryState.Finished, succeeded.State);
        Assert.Equal(new JournalOutcome(OutcomeKind.Succeeded, RejectionReason.None, null, 1), succeeded.Outcome);
        Assert.Equal(Job(1), succeeded.Job);
        Assert.Equal(1, succeeded.SubmitAttempts);

        Assert.Equal(new JournalOutcome(OutcomeKind.Rejected, RejectionReason.NoFaceDetected, "No face detected", null), state.StateOf("/photos/b.jpg", b)!.Outcome);
        Assert.Equal(new JournalOutcome(OutcomeKind.Failed, RejectionReason.None, "Backend failed", 0), state.StateOf("/photos/c.jpg", c)!.Outcome);

        JournalImage submitted = state.StateOf("/photos/d.jpg", d)!;
        Assert.Equal(JournalEntryState.Submitted, submitted.State);
        Assert.Equal(Job(4), submitted.Job);
        Assert.Null(submitted.Outcome);

        JournalImage uncertain = state.StateOf("/photos/e.jpg", e)!;
        Assert.Equal(JournalEntryState.Uncertain, uncertain.State);
        Assert.Null(uncertain.Job);

        JournalImage refused = state.StateOf("/photos/f \"ünï\"\n.png", f)!;
        Assert.Equal(JournalEntryState.Refused, refused.State);
        Assert.Equal(RejectionReason.ResolutionTooSmall, refused.RefusedReason);
        Assert.Equal("The image is 800x600 px; the service needs 1024-2048.", refused.Note);
        Assert.Equal(0, refused.SubmitAttempts);

        JournalImage skipped = state.StateOf("/photos/g.jpg", g)!;
        Assert.Equal(JournalEntryState.NotSubmitted, skipped.State);
        Assert.Equal("the budget of 100 credits is spent", skipped.Note);

        Assert.Equal(3, state.CountOf(JournalEntryState.Finished));
        Assert.Equal(1, state.CountOf(JournalEntryState.Submitted));
        Assert.Equal(1, state.CountOf(JournalEntryState.Uncertain));
        Assert.Equal(1, state.CountOf(JournalEntryState.Refused));
        Assert.Equal(1, state.CountOf(JournalEntryState.NotSubmitted));
        Assert.Equal(["/photos/e.jpg"], state.InState(JournalEntryState.Uncertain).Select(i => i.Path));
    }

    [Fact]
    public async Task The_records_are_the_documented_lines()
    {
        ContentHash hash = HashOf("a");
        string hex = hash.ToString();
        await using (Journal journal = Journal.Open(JournalPath, Clock()))
        {
            await journal.RecordSubmittingAsync("/p/a.jpg", hash);
            await journal.RecordSubmittedAsync("/p/a.jpg", hash, Job(1));
            await journal.RecordOutcomeAsync("/p/a.jpg", hash, new JournalOutcome(OutcomeKind.Rejected, RejectionReason.NoFaceDetected, "No face detected", 1));
            await journal.RecordRefusedAsync("/p/a.jpg", hash, RejectionReason.CorruptImage, "cut short");
            await journal.RecordNotSubmittedAsync("/p/a.jpg", hash, "budget");
            await journal.RecordProcessingTimesAsync([new(TimeSpan.FromSeconds(11.2), TimeSpan.FromSeconds(12.1)), new(TimeSpan.FromSeconds(9.8), TimeSpan.FromSeconds(10.6))]);
        }

        string[] lines = File.ReadAllLines(JournalPath);

        Assert.Equal(
            [
                """{"journal":"skinlite-batch","version":1,"created":"2026-11-30T08:00:00+00:00"}""",
                $$"""{"record":"submitting","path":"/p/a.jpg","hash":"{{hex}}","at":"2026-11-30T08:00:00+00:00"}""",
                $$"""{"record":"submitted","path":"/p/a.jpg","hash":"{{hex}}","job":{{Job(1).ToJson()}},"at":"2026-11-30T08:00:00+00:00"}""",
                $$"""{"record":"outcome","path":"/p/a.jpg","hash":"{{hex}}","kind":"rejected","reason":"NoFaceDetected","message":"No face detected","credits":1,"at":"2026-11-30T08:00:00+00:00"}""",
                $$"""{"record":"refused","path":"/p/a.jpg","hash":"{{hex}}","reason":"CorruptImage","message":"cut short","at":"2026-11-30T08:00:00+00:00"}""",
                $$"""{"record":"not-submitted","path":"/p/a.jpg","hash":"{{hex}}","message":"budget","at":"2026-11-30T08:00:00+00:00"}""",
                """{"record":"processing-times","intervals":[[11.2,12.1],[9.8,10.6]],"at":"2026-11-30T08:00:00+00:00"}""",
            ],
            lines);
        Assert.Equal("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb", hex);
    }

    [Fact]
    public async Task A_crash_after_submitting_leaves_the_image_uncertain_and_never_resubmitted()
    {
        ContentHash hash = HashOf("a");
        Journal journal = Journal.Open(JournalPath, Clock());
        await journal.RecordSubmittingAsync("/p/a.jpg", hash);
        journal.Dispose(); // the crash: nothing more is written

        JournalState state = Journal.Replay(JournalPath);

        Assert.Equal(JournalEntryState.Uncertain, state.StateOf("/p/a.jpg", hash)!.State);
        Assert.Equal(ResumeAction.Uncertain, ResumeDecision.Decide(state, "/p/a.jpg", hash, resubmitUncertain: false).Action);
        Assert.Equal(ResumeAction.Submit, ResumeDecision.Decide(state, "/p/a.jpg", hash, resubmitUncertain: true).Action);
    }

    [Fact]
    public async Task A_crash_after_submitted_resumes_by_waiting_for_the_journaled_ids()
    {
        ContentHash hash = HashOf("a");
        Journal journal = Journal.Open(JournalPath, Clock());
        await journal.RecordSubmittingAsync("/p/a.jpg", hash);
        await journal.RecordSubmittedAsync("/p/a.jpg", hash, Job(7));
        journal.Dispose();

        using Journal reopened = Journal.Open(JournalPath, Clock());
        JournalImage image = reopened.State.StateOf("/p/a.jpg", hash)!;

        Assert.Equal(JournalEntryState.Submitted, image.State);
        Assert.Equal("scan-7", image.Job!.ScanId);
        Assert.Equal("prediction-7", image.Job.PredictionId);
        ResumeDecision decision = ResumeDecision.Decide(reopened.State, "/p/a.jpg", hash, resubmitUncertain: true);
        Assert.Equal(ResumeAction.Wait, decision.Action);
        Assert.Equal(Job(7), decision.Job);
    }

    [Fact]
    public async Task A_changed_file_is_a_new_image_and_the_old_entry_stays()
    {
        ContentHash before = HashOf("before"), after = HashOf("after");
        await using (Journal journal = Open(JournalPath))
        {
            await journal.RecordSubmittingAsync("/p/a.jpg", before);
            await journal.RecordSubmittedAsync("/p/a.jpg", before, Job(1));
            await journal.RecordOutcomeAsync("/p/a.jpg", before, new JournalOutcome(OutcomeKind.Succeeded, RejectionReason.None, null, null));
        }

        JournalState state = Journal.Replay(JournalPath);
        ResumeDecision decision = ResumeDecision.Decide(state, "/p/a.jpg", after, resubmitUncertain: false);

        Assert.Equal(ResumeAction.Submit, decision.Action);
        Assert.True(decision.ChangedSinceJournaled);
        Assert.Null(state.StateOf("/p/a.jpg", after));
        Assert.Equal(before, state.LatestOf("/p/a.jpg")!.Hash);
        Assert.False(ResumeDecision.Decide(state, "/p/other.jpg", after, false).ChangedSinceJournaled);

        await using (Journal journal = Open(JournalPath))
        {
            await journal.RecordSubmittingAsync("/p/a.jpg", after);
        }

        state = Journal.Replay(JournalPath);
        Assert.Equal(2, state.Images.Count);
        Assert.Equal(JournalEntryState.Finished, state.StateOf("/p/a.jpg", before)!.State);
        Assert.Equal(JournalEntryState.Uncertain, state.StateOf("/p/a.jpg", after)!.State);
        Assert.Same(state.StateOf("/p/a.jpg", before), state.LatestOf("/p/a.jpg")!.OlderOfSamePath);
        Assert.Same(state.Images[0].Path, state.Images[1].Path);
    }

    [Theory]
    [InlineData("Skip", "Finished")]
    [InlineData("Submit", "Refused")]
    [InlineData("Wait", "Submitted")]
    [InlineData("Uncertain", "Uncertain")]
    [InlineData("Submit", "NotSubmitted")]
    public async Task The_resume_rules_of_the_table_hold(string expectedAction, string entryState)
    {
        ResumeAction expected = Enum.Parse<ResumeAction>(expectedAction);
        JournalEntryState state = Enum.Parse<JournalEntryState>(entryState);
        ContentHash hash = HashOf("x");
        await using (Journal journal = Open(JournalPath))
        {
            switch (state)
            {
                case JournalEntryState.Finished:
                    await journal.RecordSubmittingAsync("x", hash);
                    await journal.RecordSubmittedAsync("x", hash, Job(1));
                    await journal.RecordOutcomeAsync("x", hash, new JournalOutcome(OutcomeKind.Failed, RejectionReason.None, "no", null));
                    break;
                case JournalEntryState.Refused:
                    await journal.RecordRefusedAsync("x", hash, RejectionReason.FileTooLarge, null);
                    break;
                case JournalEntryState.Submitted:
                    await journal.RecordSubmittingAsync("x", hash);
                    await journal.RecordSubmittedAsync("x", hash, Job(1));
                    break;
                case JournalEntryState.Uncertain:
                    await journal.RecordSubmittingAsync("x", hash);
                    break;
                default:
                    await journal.RecordNotSubmittedAsync("x", hash, "quota");
                    break;
            }
        }

        JournalState replayed = Journal.Replay(JournalPath);

        Assert.Equal(state, replayed.StateOf("x", hash)!.State);
        Assert.Equal(expected, ResumeDecision.Decide(replayed, "x", hash, resubmitUncertain: false).Action);
        Assert.Equal(ResumeAction.Submit, ResumeDecision.Decide(replayed, "y", hash, resubmitUncertain: false).Action);
    }

    [Fact]
    public async Task A_second_writer_cannot_open_the_same_journal_and_is_told_which_file()
    {
        await using Journal first = Open(JournalPath);

        IOException error = Assert.Throws<IOException>(() => Journal.Open(JournalPath));

        Assert.StartsWith($"The batch journal {JournalPath} is being written by another batch", error.Message, StringComparison.Ordinal);
        Assert.Contains(JournalPath + ".lock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lock_is_the_lock_file_and_readers_may_replay_while_a_batch_writes()
    {
        ContentHash hash = HashOf("a");
        await using Journal writer = Open(JournalPath);
        await writer.RecordSubmittingAsync("a", hash);

        JournalState state = Journal.Replay(JournalPath);

        Assert.Equal(JournalEntryState.Uncertain, state.StateOf("a", hash)!.State);
        Assert.Throws<IOException>(() => new FileStream(JournalPath + Journal.LockSuffix, FileMode.Open, FileAccess.ReadWrite, FileShare.None));
    }

    [Fact]
    public async Task A_lock_file_left_by_a_crashed_batch_locks_nothing()
    {
        File.WriteAllText(JournalPath + Journal.LockSuffix, "");

        await using (Journal journal = Open(JournalPath))
        {
            await journal.RecordSubmittingAsync("a", HashOf("a"));
        }

        Assert.Single(Journal.Replay(JournalPath).Images);
    }

    [Fact]
    public async Task The_journal_can_be_opened_again_once_the_writer_is_disposed()
    {
        ContentHash hash = HashOf("a");
        await using (Journal first = Open(JournalPath))
        {
            await first.RecordSubmittingAsync("a", hash);
        }

        await using Journal second = Open(JournalPath);
        await second.RecordSubmittedAsync("a", hash, Job(1));

        Assert.Equal(JournalEntryState.Uncertain, second.State.StateOf("a", hash)!.State);
        Assert.Equal(2, File.ReadAllLines(JournalPath).Length - 1);
    }

    [Fact]
    public async Task A_disposed_journal_takes_no_more_records()
    {
        Journal journal = Open(JournalPath);
        await journal.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => journal.RecordSubmittingAsync("a", HashOf("a")));
    }

    [Fact]
    public async Task A_cancelled_token_writes_nothing()
    {
        await using Journal journal = Open(JournalPath);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => journal.RecordSubmittingAsync("a", HashOf("a"), new CancellationToken(canceled: true)));

        Assert.Single(File.ReadAllLines(JournalPath));
    }

    [Fact]
    public async Task A_pending_outcome_is_not_journaled()
    {
        await using Journal journal = Open(JournalPath);

        Assert.Throws<ArgumentException>(() => { _ = journal.RecordOutcomeAsync("a", HashOf("a"), AnalysisOutcome.Parse("""{"status":"PROCESSING"}""")); });
    }

    [Fact]
    public async Task Many_concurrent_writers_produce_only_whole_lines()
    {
        const int Workers = 32, ImagesPerWorker = 60;
        await using (Journal journal = Open(JournalPath))
        {
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
            {
                for (int i = 0; i < ImagesPerWorker; i++)
                {
                    string path = $"/photos/worker-{w}/{new string('x', i * 7)}image-{i}.jpg";
                    ContentHash hash = HashOf(path);
                    await journal.RecordSubmittingAsync(path, hash);
                    await journal.RecordSubmittedAsync(path, hash, Job((w * 1000) + i));
                    await journal.RecordOutcomeAsync(path, hash, new JournalOutcome(OutcomeKind.Succeeded, RejectionReason.None, null, 1));
                }
            })));
        }

        string[] lines = File.ReadAllLines(JournalPath);
        Assert.Equal(1 + (Workers * ImagesPerWorker * 3), lines.Length);
        Assert.All(lines, line => System.Text.Json.JsonDocument.Parse(line).Dispose());

        JournalState state = Journal.Replay(JournalPath);
        Assert.Empty(state.DamagedLines);
        Assert.Equal(Workers * ImagesPerWorker, state.CountOf(JournalEntryState.Finished));
        Assert.All(state.Images, i => Assert.Equal($"prediction-{int.Parse(i.Job!.PredictionId["prediction-".Length..], System.Globalization.CultureInfo.InvariantCulture)}", i.Job.PredictionId));
    }

    [Fact]
    public void A_journal_of_another_version_is_refused_with_a_clear_message()
    {
        File.WriteAllText(JournalPath, """{"journal":"skinlite-batch","version":2,"created":"2027-01-01T00:00:00+00:00"}""" + "\n");

        InvalidDataException replay = Assert.Throws<InvalidDataException>(() => Journal.Replay(JournalPath));
        InvalidDataException open = Assert.Throws<InvalidDataException>(() => Journal.Open(JournalPath));

        Assert.Equal($"The batch journal {JournalPath} is format version 2; this SkinLite reads version 1 only. Use the SkinLite version that wrote it, or start a new journal.", replay.Message);
        Assert.Equal(replay.Message, open.Message);
        Assert.Single(File.ReadAllLines(JournalPath)); // untouched
        using Journal reopened = Open(Path.Combine(_folder.Path, "other.jsonl")); // and the lock was let go of the refused one
        using var again = new FileStream(JournalPath + Journal.LockSuffix, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
    }

    [Theory]
    [InlineData("""{"record":"submitting","path":"a","hash":"00"}""")]
    [InlineData("""{"journal":"something-else","version":1}""")]
    [InlineData("""not json at all""")]
    public void A_file_that_is_not_a_journal_is_refused(string firstLine)
    {
        File.WriteAllText(JournalPath, firstLine + "\n");

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => Journal.Replay(JournalPath));

        Assert.Contains("is not a SkinLite batch journal", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => Journal.Open(JournalPath));
    }

    [Fact]
    public async Task A_torn_last_line_is_reported_and_the_next_writer_starts_a_new_line()
    {
        ContentHash a = HashOf("a"), b = HashOf("b");
        await using (Journal journal = Open(JournalPath))
        {
            await journal.RecordSubmittingAsync("a", a);
            await journal.RecordSubmittedAsync("a", a, Job(1));
        }

        long whole = new FileInfo(JournalPath).Length;
        using (var file = new FileStream(JournalPath, FileMode.Open))
        {
            file.SetLength(whole - 20); // the submitted record cut short
        }

        JournalState torn = Journal.Replay(JournalPath);
        Assert.Equal(JournalEntryState.Uncertain, torn.StateOf("a", a)!.State);
        Assert.True(torn.TornTail is { IsTornTail: true, LineNumber: 3 });

        await using (Journal journal = Open(JournalPath))
        {
            Assert.NotNull(journal.State.TornTail);
            await journal.RecordSubmittingAsync("b", b);
        }

        JournalState after = Journal.Replay(JournalPath);
        Assert.Null(after.TornTail);
        JournalDamage damage = Assert.Single(after.DamagedLines);
        Assert.Equal(3, damage.LineNumber);
        Assert.False(damage.IsTornTail);
        Assert.Equal(JournalEntryState.Uncertain, after.StateOf("a", a)!.State);
        Assert.Equal(JournalEntryState.Uncertain, after.StateOf("b", b)!.State);
    }

    [Fact]
    public async Task A_journal_whose_header_was_cut_short_starts_afresh()
    {
        File.WriteAllText(JournalPath, """{"journal":"skinlite-ba""");

        JournalState state = Journal.Replay(JournalPath);
        Assert.False(state.HasHeader);
        Assert.NotNull(state.TornTail);
        Assert.Empty(state.Images);

        await using (Journal journal = Open(JournalPath))
        {
            await journal.RecordSubmittingAsync("a", HashOf("a"));
        }

        JournalState after = Journal.Replay(JournalPath);
        Assert.Empty(after.DamagedLines);
        Assert.Single(after.Images);
    }

    [Fact]
    public void A_submitted_record_whose_job_handle_cannot_be_read_leaves_the_image_uncertain()
    {
        string hex = HashOf("a").ToString();
        File.WriteAllText(JournalPath, $$$"""
            {"journal":"skinlite-batch","version":1}
            {"record":"submitting","path":"a","hash":"{{{hex}}}"}
            {"record":"submitted","path":"a","hash":"{{{hex}}}","job":{"scanId":"no prediction id"}}
            {"record":"submitting","path":"b","hash":"{{{hex}}}"}
            {"record":"submitted","path":"b","hash":"{{{hex}}}","job":{"scanId":"s","predictionId":"p"}}
            {"record":"outcome","path":"b","hash":"{{{hex}}}","kind":"succeeded"}
            {"record":"submitted","path":"b","hash":"{{{hex}}}","job":{"scanId":"s"}}
            """ + "\n");

        JournalState state = Journal.Replay(JournalPath);

        Assert.Equal(JournalEntryState.Uncertain, state.StateOf("a", HashOf("a"))!.State);
        Assert.Equal(JournalEntryState.Uncertain, state.StateOf("b", HashOf("a"))!.State);
        Assert.Equal([3L, 7], state.DamagedLines.Select(d => d.LineNumber));
        Assert.Contains("the job handle of a cannot be read", state.DamagedLines[0].Reason, StringComparison.Ordinal);
        Assert.Equal(2, state.CountOf(JournalEntryState.Uncertain));
    }

    [Fact]
    public async Task A_finished_image_keeps_its_job_handle_for_the_report()
    {
        ContentHash hash = HashOf("a");
        await using (Journal journal = Open(JournalPath))
        {
            await journal.RecordSubmittingAsync("a", hash);
            await journal.RecordSubmittedAsync("a", hash, Job(3));
            await journal.RecordOutcomeAsync("a", hash, new JournalOutcome(OutcomeKind.Succeeded, RejectionReason.None, null, null));
        }

        JournalImage image = Journal.Replay(JournalPath).Images[0];

        Assert.Equal(Job(3), image.Job);
        Assert.Same(image.Job, image.Job);
    }

    [Fact]
    public void An_empty_or_missing_journal()
    {
        File.WriteAllBytes(JournalPath, []);
        Assert.Empty(Journal.Replay(JournalPath).Images);
        Assert.Throws<FileNotFoundException>(() => Journal.Replay(Path.Combine(_folder.Path, "missing.jsonl")));
    }

    [Fact]
    public void Damaged_lines_in_the_middle_are_skipped_and_reported()
    {
        string hex = HashOf("a").ToString();
        var text = new StringBuilder();
        text.Append("""{"journal":"skinlite-batch","version":1}""").Append('\n');
        text.Append("\n");
        text.Append($$"""{"record":"submitting","path":"a","hash":"{{hex}}"}""").Append("\r\n");
        text.Append("""{"record":"submitting","path":"a","hash":"not-a-hash"}""").Append('\n');
        text.Append($$"""{"record":"teleported","path":"a","hash":"{{hex}}"}""").Append('\n');
        text.Append($$"""{"record":"submitted","path":"a","hash":"{{hex}}"}""").Append('\n');
        text.Append($$"""{"record":"outcome","path":"a","hash":"{{hex}}","kind":"pending"}""").Append('\n');
        text.Append($$$"""{"record":"submitted","path":"a","hash":"{{{hex}}}","job":{"predictionId":"p"}} {}""").Append('\n');
        text.Append("[1,2]\n");
        text.Append($$$"""{"record":"refused","path":"b","hash":"{{{hex}}}","reason":"Teleported","extra":{"nested":[1,2,3]}}""").Append('\n');
        File.WriteAllText(JournalPath, text.ToString());

        JournalState state = Journal.Replay(JournalPath);

        Assert.Equal(2, state.Records);
        Assert.Equal([4L, 5, 6, 7, 8, 9], state.DamagedLines.Select(d => d.LineNumber));
        Assert.Null(state.TornTail);
        Assert.Equal(JournalEntryState.Uncertain, state.StateOf("a", HashOf("a"))!.State);
        Assert.Equal(RejectionReason.Unknown, state.StateOf("b", HashOf("a"))!.RefusedReason);
    }
}

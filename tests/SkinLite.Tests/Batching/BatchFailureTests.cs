using SkinLite.Tests.Batching.Support;

namespace SkinLite.Tests.Batching;

/// <summary>What ends a batch with an exception: the input failing, a journal held by another batch, a prepare hook that throws.</summary>
public sealed class BatchFailureTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string JournalPath => Path.Combine(_folder.Path, "journal.jsonl");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task An_input_that_throws_ends_the_batch_with_its_exception_after_the_images_already_read()
    {
        List<string> paths = BatchImages.Write(_folder, 2);
        IEnumerable<string> Input()
        {
            yield return paths[0];
            yield return paths[1];
            throw new DirectoryNotFoundException("The photo folder went away.");
        }

        var service = new FakeBatchService();
        var results = new List<BatchItemResult>();
        DirectoryNotFoundException error = await Assert.ThrowsAsync<DirectoryNotFoundException>(async () =>
        {
            await foreach (BatchItemResult item in BatchDriver.Run(service, Input(), new BatchOptions { JournalPath = JournalPath }))
            {
                results.Add(item);
            }
        });

        Assert.Equal("The photo folder went away.", error.Message);
        Assert.Equal(2, results.Count(r => r.Status == BatchItemStatus.Succeeded));
        Assert.Equal(2, Journal.Replay(JournalPath).CountOf(JournalEntryState.Finished));
    }

    [Fact]
    public async Task A_journal_being_written_by_another_batch_fails_at_the_first_result_and_sends_nothing()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        await using Journal held = Journal.Open(JournalPath);
        var service = new FakeBatchService();

        IOException error = await Assert.ThrowsAsync<IOException>(() => BatchDriver.RunAllAsync(service, [path], new BatchOptions { JournalPath = JournalPath }));

        Assert.Contains("being written by another batch", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, service.SubmitCalls);
    }

    [Fact]
    public async Task A_prepare_hook_that_throws_ends_the_batch_with_its_exception_and_sends_nothing()
    {
        string path = BatchImages.Write(_folder, 1)[0];
        var service = new FakeBatchService();
        var options = new BatchOptions { Prepare = (_, _, _) => throw new InvalidDataException("cannot decode") };

        InvalidDataException error = await Assert.ThrowsAsync<InvalidDataException>(() => BatchDriver.RunAllAsync(service, [path], options));

        Assert.Equal("cannot decode", error.Message);
        Assert.Equal(0, service.SubmitCalls);
    }
}

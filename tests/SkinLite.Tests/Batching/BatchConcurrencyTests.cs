using SkinLite.Tests.Batching.Support;

namespace SkinLite.Tests.Batching;

/// <summary>The batch's gates: submits and waits in flight stay within their limits, and the input is read only as fast as images leave memory.</summary>
public sealed class BatchConcurrencyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Submits_and_waits_in_flight_never_pass_their_limits_yet_reach_them()
    {
        List<string> paths = BatchImages.Write(_folder, 40);
        var service = new FakeBatchService
        {
            OnWait = async (_, ct) =>
            {
                await Task.Delay(60, ct);
                return FakeBatchService.SuccessDocument;
            },
        };
        service.OnSubmit = async (_, _, ct) =>
        {
            await Task.Delay(15, ct);
            return service.NewJob();
        };
        var options = new BatchOptions { MaxConcurrentSubmits = 3, MaxConcurrentWaits = 5, MaxConcurrentPreparations = 2 };

        List<BatchItemResult> results = await BatchDriver.RunAllAsync(service, paths, options);

        Assert.Equal(40, results.Count(r => r.Status == BatchItemStatus.Succeeded));
        Assert.InRange(service.MaxSubmitsAtOnce, 2, 3);
        Assert.InRange(service.MaxWaitsAtOnce, 2, 5);
        Assert.Equal(40, service.SubmitCalls);
    }

    [Fact]
    public async Task The_input_is_read_only_as_far_as_the_gates_let_images_in()
    {
        const int Submits = 2, Preparations = 1, Waits = 3;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var service = new FakeBatchService
        {
            OnWait = async (_, ct) =>
            {
                await release.Task.WaitAsync(ct);
                return FakeBatchService.SuccessDocument;
            },
        };
        byte[] image = BatchImages.Bytes(0);
        int pulled = 0;
        IEnumerable<string> Input()
        {
            for (int i = 0; i < 100; i++)
            {
                Interlocked.Increment(ref pulled);
                yield return _folder.Write($"lazy-{i}.png", [.. image, .. BitConverter.GetBytes(i)]);
            }
        }

        var options = new BatchOptions { MaxConcurrentSubmits = Submits, MaxConcurrentPreparations = Preparations, MaxConcurrentWaits = Waits };
        Task<List<BatchItemResult>> run = BatchDriver.RunAllAsync(service, Input(), options);

        // Every wait slot is taken by a job that does not end: the batch can only fill its memory slots, then stops reading.
        await Eventually.TrueAsync(() => service.WaitCalls == Waits);
        await Task.Delay(300);
        int pulledWhileBlocked = Volatile.Read(ref pulled);
        Assert.Equal(Waits, service.SubmitCalls);
        Assert.InRange(pulledWhileBlocked, Waits + 1, Submits + Preparations + Waits + 1);

        release.SetResult();
        List<BatchItemResult> results = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(100, results.Count(r => r.Status == BatchItemStatus.Succeeded));
        Assert.Equal(100, Volatile.Read(ref pulled));
    }

    [Fact]
    public async Task A_slow_reader_of_the_results_holds_back_the_reading_of_the_input()
    {
        // The results not yet taken by the caller wait in a buffer of this many; beyond it, the images hold their slots.
        const int ResultBuffer = 64;
        const int Submits = 2, Preparations = 1, Waits = 3;
        var service = new FakeBatchService
        {
            OnWait = async (_, ct) =>
            {
                await Task.Delay(1, ct);
                return FakeBatchService.SuccessDocument;
            },
        };
        List<string> paths = BatchImages.Write(_folder, 150);
        int pulled = 0;
        IEnumerable<string> Input()
        {
            foreach (string path in paths)
            {
                Interlocked.Increment(ref pulled);
                yield return path;
            }
        }

        var options = new BatchOptions { MaxConcurrentSubmits = Submits, MaxConcurrentPreparations = Preparations, MaxConcurrentWaits = Waits };
        int yielded = 0;
        int mostAhead = 0;
        await foreach (BatchItemResult item in BatchDriver.Run(service, Input(), options))
        {
            Assert.Equal(BatchItemStatus.Succeeded, item.Status);
            yielded++;
            mostAhead = Math.Max(mostAhead, Volatile.Read(ref pulled) - yielded);
            await Task.Delay(5);
        }

        Assert.Equal(150, yielded);
        // Results buffered, in memory (submits + preparations), waited on, and the one the reader holds while it waits for a slot.
        Assert.InRange(mostAhead, 1, ResultBuffer + Submits + Preparations + Waits + 1);
    }
}

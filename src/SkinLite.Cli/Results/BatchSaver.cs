using System.Threading.Channels;
using SkinLite.Cli.Configuration;
using SkinLite.Cli.Output;
using SkinLite.Reports;

namespace SkinLite.Cli.Results;

/// <summary>
/// batch --save: each image's document and images into a folder of its own under --save, saved in the background by a
/// few workers while the batch goes on, so that downloads never hold up submitting. The queue is short, so a batch that
/// outruns its downloads waits for them rather than filling memory with documents.
/// </summary>
internal sealed class BatchSaver : IAsyncDisposable
{
    private const int Workers = 2;
    private const int QueueLength = 16;
    private const int MaxProblemsShown = 20;

    private readonly AssetDownloader _downloader;
    private readonly Channel<(string Path, string Folder, byte[] Document)> _queue =
        Channel.CreateBounded<(string, string, byte[])>(new BoundedChannelOptions(QueueLength) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task[] _workers;
    private readonly CancellationToken _cancellationToken;
    private readonly List<string> _problems = [];
    private int _saved;
    private int _incomplete;
    private int _skipped;

    public BatchSaver(ServiceConnection connection, SaveFolder folder, CancellationToken cancellationToken)
    {
        // Taken here, once: the connection makes its downloader on first use, which two workers must not race to do.
        _downloader = connection.Assets;
        Folder = folder;
        _cancellationToken = cancellationToken;
        _workers = [.. Enumerable.Range(0, Workers).Select(_ => Task.Run(WorkAsync, CancellationToken.None))];
    }

    public SaveFolder Folder { get; }

    /// <summary>The folder under --save for an image: its document's name without the extension.</summary>
    public static string FolderFor(string imagePath) => Path.GetFileNameWithoutExtension(BatchOutputFolder.DocumentNameFor(imagePath));

    /// <summary>
    /// Queues an image's document for saving; waits while the queue is full. After Ctrl-C nothing more is queued, and
    /// this does not throw: the batch goes on through its grace and writes the document to documents/, from which a
    /// rerun saves it without paying again.
    /// </summary>
    public async ValueTask EnqueueAsync(string imagePath, byte[] document)
    {
        try
        {
            await _queue.Writer.WriteAsync((imagePath, FolderFor(imagePath), document), _cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _skipped);
        }
    }

    /// <summary>An image that has an outcome but no document to save: said with the other problems at the end.</summary>
    public void NotSaved(string imagePath, string why)
    {
        Interlocked.Increment(ref _incomplete);
        Problem($"{imagePath}: not saved: {why}");
    }

    /// <summary>Waits for every queued save, then says on stderr what was saved and what was not.</summary>
    public async Task CompleteAsync(bool quiet)
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_workers).ConfigureAwait(false);
        if (!quiet || _incomplete > 0)
        {
            Terminal.Error($"Saved {_saved} analyses to '{Folder.Shown}'{(_incomplete > 0 ? $"; {_incomplete} lack images or could not be saved" : "")}.");
        }

        foreach (string problem in _problems)
        {
            Terminal.Error("  " + problem);
        }

        if (_incomplete > 0)
        {
            Terminal.Error("Run the batch again with the same --out and --save: it downloads only what is missing.");
        }
    }

    /// <summary>After Ctrl-C: stops the workers (a save cut short leaves no partial file) and says what is left to a rerun.</summary>
    public async Task StopAsync()
    {
        await DisposeAsync().ConfigureAwait(false);
        int left = Volatile.Read(ref _skipped);
        Terminal.Error($"Saving stopped by Ctrl-C: {Volatile.Read(ref _saved)} analyses saved to '{Folder.Shown}'{(left > 0 ? $", {left} not queued" : "")}; "
            + "the resume command saves the rest from documents/ without paying again.");
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancelled with the batch: what is saved is complete, the rest is saved by a rerun.
        }
    }

    private async Task WorkAsync()
    {
        await foreach ((string path, string folder, byte[] document) in _queue.Reader.ReadAllAsync(_cancellationToken).ConfigureAwait(false))
        {
            try
            {
                SavedAnalysis saved = await _downloader.SaveAsync(document, Folder.Child(folder), _cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _saved);
                if (!saved.IsComplete)
                {
                    Interlocked.Increment(ref _incomplete);
                    SavedAsset first = saved.Assets.First(asset => asset.Status != SavedAssetStatus.Saved);
                    Problem($"{path}: not saved: {first.Field}: {first.Error}");
                }
            }
            catch (Exception ex) when (!SaveFailure.IsCancellation(ex, _cancellationToken))
            {
                // Whatever one save throws stays with its image: a worker that died would leave the queue unread, and
                // the batch waiting on it for ever once it filled.
                Interlocked.Increment(ref _incomplete);
                Problem($"{path}: could not save to '{Folder.ShownPath(folder)}': {SaveFailure.Describe(ex)}");
            }
        }
    }

    private void Problem(string line)
    {
        lock (_problems)
        {
            if (_problems.Count < MaxProblemsShown)
            {
                _problems.Add(line);
            }
        }
    }
}

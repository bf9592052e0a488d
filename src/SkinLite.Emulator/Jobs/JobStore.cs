namespace SkinLite.Emulator;

/// <summary>
/// The jobs in memory, bounded two ways: a finished job is forgotten <see cref="EmulatorOptions.JobRetention"/> after it
/// finishes, and beyond <see cref="EmulatorOptions.MaxJobs"/> the oldest job is evicted. Every job has the same processing
/// time and retention, so creation order is expiry order and one queue serves both. Not thread-safe: used under the emulator's lock.
/// </summary>
internal sealed class JobStore
{
    private readonly Dictionary<string, EmulatedJob> _byId = new(StringComparer.Ordinal);
    private readonly Queue<EmulatedJob> _byAge = new();
    private readonly int _maxJobs;

    public JobStore(int maxJobs) => _maxJobs = maxJobs;

    public int Count => _byId.Count;

    public void Add(EmulatedJob job, DateTimeOffset now)
    {
        Purge(now);
        while (_byId.Count >= _maxJobs)
        {
            _byId.Remove(_byAge.Dequeue().PredictionId);
        }

        _byId.Add(job.PredictionId, job);
        _byAge.Enqueue(job);
    }

    public EmulatedJob? Find(string predictionId, DateTimeOffset now)
    {
        Purge(now);
        return _byId.GetValueOrDefault(predictionId);
    }

    public void Clear()
    {
        _byId.Clear();
        _byAge.Clear();
    }

    private void Purge(DateTimeOffset now)
    {
        while (_byAge.TryPeek(out EmulatedJob? oldest) && oldest.ExpiresAt <= now)
        {
            _byId.Remove(_byAge.Dequeue().PredictionId);
        }
    }
}

using System.Runtime.CompilerServices;

namespace SkinLite;

/// <summary>
/// When this client's submits were answered, per job handle (by reference, never by value), on the client's clock:
/// the moment a wait's learned times count from. A handle rebuilt from JSON or from ids, or copied with <c>with</c>,
/// has none: its age on this clock is unknown, so its wait neither follows nor teaches the learned plan. Entries go
/// with their handles (a weak table).
/// </summary>
internal sealed class SubmitMoments
{
    private readonly ConditionalWeakTable<SkinAnalysisJob, StrongBox<long>> _answered = new();

    public void Record(SkinAnalysisJob job, long timestamp) => _answered.AddOrUpdate(job, new StrongBox<long>(timestamp));

    /// <summary>Forgets a job once a wait has learned from it, so that waiting on it again does not count it twice.</summary>
    public void Forget(SkinAnalysisJob job) => _answered.Remove(job);

    public bool TryGet(SkinAnalysisJob job, out long timestamp)
    {
        if (_answered.TryGetValue(job, out StrongBox<long>? box))
        {
            timestamp = box.Value;
            return true;
        }

        timestamp = 0;
        return false;
    }
}

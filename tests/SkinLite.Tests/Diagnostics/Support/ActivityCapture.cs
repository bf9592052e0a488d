using System.Collections.Concurrent;
using System.Diagnostics;

namespace SkinLite.Tests.Diagnostics;

/// <summary>
/// Records SkinLite's finished activities under one test-owned root, so spans from tests running in parallel never mix:
/// only activities in the root's trace are kept.
/// </summary>
internal sealed class ActivityCapture : IDisposable
{
    private static readonly ActivitySource TestSource = new("SkinLite.Tests.Diagnostics");
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    // Null until the constructor has started it: the listener has to be live first, and meanwhile it already hears
    // activities that other tests, running in parallel, stop on their own threads.
    private readonly Activity? _root;

    public ActivityCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is SkinLiteDiagnostics.ActivitySourceName or "SkinLite.Tests.Diagnostics",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_listener);
        _root = TestSource.StartActivity("test root") ?? throw new InvalidOperationException("The test source is not listened to.");
    }

    /// <summary>SkinLite's finished activities in this test's trace.</summary>
    public IReadOnlyList<Activity> Stopped => [.. _stopped];

    public Activity Single(string name) => Assert.Single(Stopped, a => a.OperationName == name);

    public void Dispose()
    {
        _root?.Stop();
        _listener.Dispose();
    }

    private void OnStopped(Activity activity)
    {
        if (activity.Source.Name == SkinLiteDiagnostics.ActivitySourceName && _root is { } root && activity.TraceId == root.TraceId)
        {
            _stopped.Enqueue(activity);
        }
    }
}

namespace SkinLite.Tests.Batching.Support;

/// <summary>An owner of prepared bytes that remembers being disposed.</summary>
internal sealed class DisposalProbe : IDisposable
{
    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;
}

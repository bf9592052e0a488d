namespace SkinLite.Benchmarks.Harness;

/// <summary>One method of a group in the interleaved harness; <see cref="IsBaseline"/> marks what ratios are taken against.</summary>
public sealed record InterleavedCase(string Name, Action Run, bool IsBaseline = false);

/// <summary>Keeps a result alive without boxing it, so the harness adds no allocation of its own.</summary>
public static class Sink
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static void Keep<T>(T value) => GC.KeepAlive(null);
}

/// <summary>A group of cases measured together; ratios are only taken within a group.</summary>
public sealed record InterleavedGroup(string Name, IReadOnlyList<InterleavedCase> Cases, int OperationsPerRound);

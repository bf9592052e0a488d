namespace SkinLite.Tests.Diagnostics;

/// <summary>The meter is process-wide: tests that read it run alone, so that no other test's waits are counted with theirs.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "SkinLite meter";
}

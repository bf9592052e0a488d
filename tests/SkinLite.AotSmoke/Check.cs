namespace SkinLite.AotSmoke;

/// <summary>Collects every mismatch instead of stopping at the first, so one native run reports them all.</summary>
internal sealed class Check
{
    private readonly List<string> _failures = [];

    public int Count { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    public void Equal<T>(T expected, T actual, string what)
    {
        Count++;
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            _failures.Add($"{what}: expected '{expected}', got '{actual}'");
        }
    }

    public void True(bool condition, string what)
    {
        Count++;
        if (!condition)
        {
            _failures.Add($"{what}: was false");
        }
    }
}

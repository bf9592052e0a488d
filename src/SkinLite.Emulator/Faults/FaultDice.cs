namespace SkinLite.Emulator;

/// <summary>Draws the fault for each request in turn from a plan: the next script step, or a seeded roll against the rates. Not thread-safe: the emulator draws under its lock.</summary>
internal sealed class FaultDice
{
    private readonly FaultPlan _plan;
    private SplitMix64 _random;
    private int _next;

    public FaultDice(FaultPlan plan, int seed)
    {
        _plan = plan;
        _random = new SplitMix64(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ 0xFA017);
    }

    public FaultKind Next()
    {
        if (!_plan.Script.IsEmpty)
        {
            return _next < _plan.Script.Length ? _plan.Script[_next++] : FaultKind.Ok;
        }

        if (_plan.Rates.IsEmpty)
        {
            return FaultKind.Ok;
        }

        double roll = _random.NextDouble();
        foreach ((FaultKind kind, double rate) in _plan.Rates)
        {
            if (roll < rate)
            {
                return kind;
            }

            roll -= rate;
        }

        return FaultKind.Ok;
    }
}

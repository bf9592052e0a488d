using System.Globalization;

namespace SkinLite.Emulator.Tests.Support;

/// <summary>
/// The faults an emulator drew for a number of requests, found by drawing them again: the draws are a seeded sequence
/// (<see cref="FaultDice"/>), one per request that reaches it, so the same plan and seed give the same kinds whatever
/// order concurrent requests took them in.
/// </summary>
internal sealed class FaultTally
{
    private readonly Dictionary<FaultKind, long> _counts = [];

    public FaultTally(EmulatorOptions options, long requests)
    {
        var dice = new FaultDice(options.Faults, options.Seed);
        for (long i = 0; i < requests; i++)
        {
            FaultKind kind = dice.Next();
            _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
        }

        Requests = requests;
    }

    public long Requests { get; }

    public long Faulted => _counts.Where(c => c.Key != FaultKind.Ok).Sum(c => c.Value);

    public double FaultedShare => Requests == 0 ? 0 : (double)Faulted / Requests;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"requests {Requests}; faults drawn {Faulted} ({FaultedShare:P1}): ") +
        string.Join(", ", _counts.Where(c => c.Key != FaultKind.Ok).OrderByDescending(c => c.Value).Select(c => string.Create(CultureInfo.InvariantCulture, $"{FaultKinds.Name(c.Key)} {c.Value}")));
}

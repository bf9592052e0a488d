using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace SkinLite.Emulator;

/// <summary>
/// Which faults the emulator injects, one draw per request: either a scripted sequence (<c>"429,ok,503"</c>, with
/// <c>kind*n</c> to repeat, then no more faults once it is used up) or rates (<c>"503=0.1,429=0.05,slow=0.1"</c>, each a
/// probability per request, drawn from <see cref="EmulatorOptions.Seed"/> so a run repeats exactly). Immutable.
/// </summary>
/// <remarks>Kinds: <c>ok, 429, 500, 502, 503, slow, drop, truncate, malformed, failure, 429-bare</c>. <see cref="ToString"/> gives a spec that <see cref="Parse(string)"/> reads back.</remarks>
public sealed class FaultPlan
{
    private FaultPlan(ImmutableArray<FaultKind> script, ImmutableArray<(FaultKind Kind, double Rate)> rates)
    {
        Script = script;
        Rates = rates;
    }

    /// <summary>No faults: every request is answered normally.</summary>
    public static FaultPlan None { get; } = new([], []);

    /// <summary>Whether the plan never injects anything.</summary>
    public bool IsNone => Script.IsEmpty && Rates.IsEmpty;

    internal ImmutableArray<FaultKind> Script { get; }

    internal ImmutableArray<(FaultKind Kind, double Rate)> Rates { get; }

    /// <summary>Reads a plan: a scripted sequence (<c>"429,ok,503*2"</c>) or rates (<c>"503=0.1,429=0.05"</c>); empty or <c>none</c> is <see cref="None"/>.</summary>
    /// <param name="spec">The plan, entries separated by commas; white space and case are ignored.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="FormatException">An entry is not understood; the message quotes it and lists what is allowed.</exception>
    public static FaultPlan Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string trimmed = spec.Trim();
        if (trimmed.Length == 0 || trimmed.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return None;
        }

        var script = ImmutableArray.CreateBuilder<FaultKind>();
        var rates = ImmutableArray.CreateBuilder<(FaultKind, double)>();
        double total = 0;
        foreach (string raw in trimmed.Split(','))
        {
            string token = raw.Trim();
            int equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                (FaultKind kind, double rate) = ParseRate(token, equals);
                total += rate;
                rates.Add((kind, rate));
            }
            else
            {
                (FaultKind kind, int count) = ParseStep(token);
                if (script.Count + count > 100_000)
                {
                    throw new FormatException($"The fault plan entry '{token}' makes the script longer than 100000 steps.");
                }

                for (int i = 0; i < count; i++)
                {
                    script.Add(kind);
                }
            }
        }

        if (script.Count > 0 && rates.Count > 0)
        {
            throw new FormatException($"The fault plan '{spec}' mixes a script (kind) with rates (kind=rate); use one or the other.");
        }

        if (total > 1 + 1e-9)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"The fault rates in '{spec}' add up to {total}; they must add up to at most 1."));
        }

        return new FaultPlan(script.ToImmutable(), rates.ToImmutable());
    }

    /// <summary>The plan as a spec that <see cref="Parse(string)"/> reads back into an equal plan, e.g. <c>429,ok,503</c> or <c>503=0.1,429=0.05</c>; <c>none</c> for <see cref="None"/>.</summary>
    public override string ToString()
    {
        if (IsNone)
        {
            return "none";
        }

        var text = new StringBuilder();
        if (!Script.IsEmpty)
        {
            for (int i = 0; i < Script.Length;)
            {
                int run = 1;
                while (i + run < Script.Length && Script[i + run] == Script[i])
                {
                    run++;
                }

                text.Append(text.Length > 0 ? "," : string.Empty).Append(FaultKinds.Name(Script[i]));
                if (run > 1)
                {
                    text.Append('*').Append(run.ToString(CultureInfo.InvariantCulture));
                }

                i += run;
            }

            return text.ToString();
        }

        foreach ((FaultKind kind, double rate) in Rates)
        {
            text.Append(text.Length > 0 ? "," : string.Empty).Append(FaultKinds.Name(kind)).Append('=').Append(rate.ToString("R", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static (FaultKind Kind, int Count) ParseStep(string token)
    {
        int star = token.IndexOf('*', StringComparison.Ordinal);
        ReadOnlySpan<char> name = (star >= 0 ? token.AsSpan(0, star) : token).Trim();
        int count = 1;
        if (star >= 0 && (!int.TryParse(token.AsSpan(star + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > 100_000))
        {
            throw new FormatException($"The fault plan entry '{token}' has a repeat count that is not a whole number from 1 to 100000.");
        }

        return (Kind(name, token), count);
    }

    private static (FaultKind Kind, double Rate) ParseRate(string token, int equals)
    {
        FaultKind kind = Kind(token.AsSpan(0, equals).Trim(), token);
        if (kind == FaultKind.Ok)
        {
            throw new FormatException($"The fault plan entry '{token}' gives ok a rate; ok is what happens when no fault is drawn, so give rates for faults only.");
        }

        if (!double.TryParse(token.AsSpan(equals + 1).Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double rate) || rate is < 0 or > 1)
        {
            throw new FormatException($"The fault plan entry '{token}' has a rate that is not a number from 0 to 1.");
        }

        return (kind, rate);
    }

    private static FaultKind Kind(ReadOnlySpan<char> name, string token) =>
        FaultKinds.TryParse(name, out FaultKind kind)
            ? kind
            : throw new FormatException($"The fault plan entry '{token}' names no fault kind; the kinds are {FaultKinds.AllNames}.");
}

using System.Text;

namespace SkinLite.Tests.Reading;

/// <summary>A seed document after its mutations. Printed with the steps that made it, so a failure can be rebuilt by hand too.</summary>
internal sealed class Mutant
{
    /// <summary>Enough to see the break; CsCheck cuts its report at 5,000 characters anyway.</summary>
    private const int MaxPrintedBytes = 3000;

    private Mutant(SeedDocument seed, Mutation[] steps, byte[] bytes)
    {
        Seed = seed;
        Steps = steps;
        Bytes = bytes;
    }

    public SeedDocument Seed { get; }

    public Mutation[] Steps { get; }

    public byte[] Bytes { get; }

    public static Mutant Make(SeedDocument seed, Mutation[] steps) =>
        new(seed, steps, steps.Aggregate(seed.Bytes, (json, step) => step.Apply(json)));

    /// <summary>The seed, the steps, then the bytes: printable ASCII as it is, any other byte as <c>«XX»</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder()
            .Append("seed document: ").AppendLine(Seed.Name)
            .Append("steps: ").AppendLine(string.Join(" -> ", Steps.Select(s => s.ToString())))
            .Append("bytes (").Append(Bytes.Length).Append("): ");
        foreach (byte b in Bytes.AsSpan(0, Math.Min(Bytes.Length, MaxPrintedBytes)))
        {
            _ = b is >= 0x20 and < 0x7F ? text.Append((char)b) : text.Append('«').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)).Append('»');
        }

        return Bytes.Length > MaxPrintedBytes ? text.Append(" ...").ToString() : text.ToString();
    }
}

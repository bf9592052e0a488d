using System.Globalization;
using CsCheck;

namespace SkinLite.Tests.Reading;

/// <summary>
/// The generators of mutants. Byte-level changes (flip, set, insert, delete, truncate, splice raw fragments, a
/// byte-order mark) mostly break the JSON: they test that nothing but a SkinLite exception escapes. Structure-aware
/// changes (members added, replaced, removed, duplicate keys) mostly keep it valid: they are what the oracle can judge.
/// </summary>
internal static class Mutations
{
    private static readonly Gen<string> Key = Gen.OneOf(HostileFragments.Keys);

    private static readonly Gen<string> Value = Gen.Frequency(
        (12, Gen.OneOf(HostileFragments.Values)),
        (1, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))));

    /// <summary>Objects worth putting a member into: where the readers look, and where they should not.</summary>
    private static readonly Gen<string> Parent = Gen.OneOf("", "output", "skinData", "zones", "t_zone", "u_zone", "input", "urls");

    public static readonly Gen<Mutation> ByteLevel = Gen.Frequency(
        (3, Gen.Select(Gen.UInt, Gen.Int[0, 7], (at, bit) => (Mutation)new FlipBit(at, bit))),
        (2, Gen.Select(Gen.UInt, Gen.Byte, (at, value) => (Mutation)new SetByte(at, value))),
        (2, Gen.Select(Gen.UInt, Gen.Byte.Array[1, 4], (at, bytes) => (Mutation)new InsertBytes(at, bytes))),
        (2, Gen.Select(Gen.UInt, Gen.Int[1, 16], (at, count) => (Mutation)new DeleteBytes(at, count))),
        (1, Gen.UInt.Select(at => (Mutation)new Truncate(at))),
        (4, Gen.Select(Gen.UInt, Gen.OneOf(HostileFragments.Raw), (at, fragment) => (Mutation)new Splice(at, fragment))),
        (1, Gen.Const((Mutation)new PrefixByteOrderMark())));

    public static readonly Gen<Mutation> Structural = Gen.Frequency(
        (3, Gen.Select(Gen.UInt, Key, Value, (at, key, value) => (Mutation)new InsertMember(at, key, value))),
        (4, Gen.Select(Parent, Key, Value, (parent, key, value) => (Mutation)new InsertIntoNamed(parent, key, value))),
        (2, Gen.Select(Gen.UInt, Value, (at, value) => (Mutation)new ReplaceValue(at, value))),
        (4, Gen.Select(Key, Gen.UInt, Value, (key, at, value) => (Mutation)new ReplaceNamed(key, at, value))),
        (2, Gen.Select(Key, Gen.UInt, (key, at) => (Mutation)new DeleteNamed(key, at))));

    public static readonly Gen<Mutation> Any = Gen.Frequency((1, ByteLevel), (1, Structural));

    /// <summary>Mutants of <paramref name="seeds"/>: one to <paramref name="maxSteps"/> changes drawn from <paramref name="steps"/>.</summary>
    public static Gen<Mutant> Of(IReadOnlyList<SeedDocument> seeds, Gen<Mutation> steps, int maxSteps = 3) =>
        Gen.Select(Gen.Int[0, seeds.Count - 1], steps.Array[1, maxSteps], (seed, changes) => Mutant.Make(seeds[seed], changes));
}

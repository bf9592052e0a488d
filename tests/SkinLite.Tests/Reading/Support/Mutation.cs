using System.Text;

namespace SkinLite.Tests.Reading;

/// <summary>
/// One change to a document. Positions are drawn as any unsigned number and folded onto the document as it is when the
/// change applies (earlier changes move things), so a mutation never falls off the end and shrinks towards the start.
/// A structure-aware change that finds nothing to change leaves the document as it was.
/// </summary>
internal abstract record Mutation
{
    public abstract byte[] Apply(byte[] json);

    protected static int Fold(uint at, int length) => (int)(at % (uint)(length + 1));

    protected static byte[] Replace(byte[] json, int start, int end, ReadOnlySpan<byte> with) =>
        [.. json.AsSpan(0, start), .. with, .. json.AsSpan(end)];

    protected static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

internal sealed record FlipBit(uint At, int Bit) : Mutation
{
    public override byte[] Apply(byte[] json)
    {
        if (json.Length == 0)
        {
            return json;
        }

        byte[] copy = [.. json];
        copy[Fold(At, json.Length - 1)] ^= (byte)(1 << Bit);
        return copy;
    }
}

internal sealed record SetByte(uint At, byte Value) : Mutation
{
    public override byte[] Apply(byte[] json)
    {
        if (json.Length == 0)
        {
            return json;
        }

        byte[] copy = [.. json];
        copy[Fold(At, json.Length - 1)] = Value;
        return copy;
    }
}

internal sealed record InsertBytes(uint At, byte[] Bytes) : Mutation
{
    public override byte[] Apply(byte[] json)
    {
        int at = Fold(At, json.Length);
        return Replace(json, at, at, Bytes);
    }

    public override string ToString() => $"InsertBytes {{ At = {At}, Bytes = {Convert.ToHexString(Bytes)} }}";
}

internal sealed record DeleteBytes(uint At, int Count) : Mutation
{
    public override byte[] Apply(byte[] json)
    {
        int at = Fold(At, json.Length);
        return Replace(json, at, Math.Min(json.Length, at + Count), []);
    }
}

internal sealed record Truncate(uint At) : Mutation
{
    public override byte[] Apply(byte[] json) => json[..Fold(At, json.Length)];
}

/// <summary>Raw bytes anywhere: inside a string an escape like <c>\ud800</c> becomes part of its value, outside it breaks the structure.</summary>
internal sealed record Splice(uint At, HostileFragments.Fragment Fragment) : Mutation
{
    public override byte[] Apply(byte[] json)
    {
        int at = Fold(At, json.Length);
        return Replace(json, at, at, Fragment.Bytes);
    }
}

internal sealed record PrefixByteOrderMark : Mutation
{
    public override byte[] Apply(byte[] json) => [0xEF, 0xBB, 0xBF, .. json];
}

/// <summary>A member added first in one of the document's objects (a second <c>status</c> is a duplicate key).</summary>
internal sealed record InsertMember(uint Object, string Key, string Value) : Mutation
{
    public override byte[] Apply(byte[] json)
    {
        List<int> objects = JsonScan.ObjectStarts(json);
        return objects.Count == 0 ? json : InsertInto(json, objects[(int)(Object % (uint)objects.Count)], Key, Value);
    }

    /// <summary>Adds <c>"key":value</c> right after the brace at <paramref name="brace"/>, with a comma unless the object was empty.</summary>
    public static byte[] InsertInto(byte[] json, int brace, string key, string value)
    {
        int next = JsonScan.SkipWhitespace(json, brace + 1);
        bool empty = next < json.Length && json[next] == (byte)'}';
        return Replace(json, brace + 1, brace + 1, Utf8($"\"{key}\":{value}{(empty ? "" : ",")}"));
    }
}

/// <summary>A member added to the object that is the value of <see cref="Parent"/> (the first such), or to the root when it is empty.</summary>
internal sealed record InsertIntoNamed(string Parent, string Key, string Value) : Mutation
{
    public override byte[] Apply(byte[] json)
    {
        if (Parent.Length == 0)
        {
            List<int> objects = JsonScan.ObjectStarts(json);
            return objects.Count == 0 ? json : InsertMember.InsertInto(json, objects[0], Key, Value);
        }

        foreach (int colon in JsonScan.ColonsAfterName(json, Utf8(Parent)))
        {
            (int start, _) = JsonScan.ValueAfter(json, colon);
            if (start < json.Length && json[start] == (byte)'{')
            {
                return InsertMember.InsertInto(json, start, Key, Value);
            }
        }

        return json;
    }
}

/// <summary>The value of one member, whichever it is, replaced.</summary>
internal sealed record ReplaceValue(uint Member, string Value) : Mutation
{
    public override byte[] Apply(byte[] json)
    {
        List<int> colons = JsonScan.Colons(json);
        if (colons.Count == 0)
        {
            return json;
        }

        (int start, int end) = JsonScan.ValueAfter(json, colons[(int)(Member % (uint)colons.Count)]);
        return Replace(json, start, end, Utf8(Value));
    }
}

/// <summary>The value of a member with a given name replaced: <c>null</c> for <c>output</c>, 422 for <c>status_code</c>, ...</summary>
internal sealed record ReplaceNamed(string Key, uint Occurrence, string Value) : Mutation
{
    public override byte[] Apply(byte[] json)
    {
        List<int> colons = JsonScan.ColonsAfterName(json, Utf8(Key));
        if (colons.Count == 0)
        {
            return json;
        }

        (int start, int end) = JsonScan.ValueAfter(json, colons[(int)(Occurrence % (uint)colons.Count)]);
        return Replace(json, start, end, Utf8(Value));
    }
}

/// <summary>A member with a given name removed, with one comma beside it, so that the document stays valid JSON.</summary>
internal sealed record DeleteNamed(string Key, uint Occurrence) : Mutation
{
    public override byte[] Apply(byte[] json)
    {
        List<int> colons = JsonScan.ColonsAfterName(json, Utf8(Key));
        if (colons.Count == 0)
        {
            return json;
        }

        int colon = colons[(int)(Occurrence % (uint)colons.Count)];
        int start = JsonScan.NameStart(json, colon);
        (_, int end) = JsonScan.ValueAfter(json, colon);
        int after = JsonScan.SkipWhitespace(json, end);
        if (after < json.Length && json[after] == (byte)',')
        {
            return Replace(json, start, after + 1, []);
        }

        int before = start - 1;
        while (before >= 0 && json[before] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            before--;
        }

        return before >= 0 && json[before] == (byte)',' ? Replace(json, before, end, []) : Replace(json, start, end, []);
    }
}

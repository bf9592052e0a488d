namespace SkinLite.Tests.Reading;

/// <summary>A document the mutations start from, named so that a failure says which one it was.</summary>
internal sealed record SeedDocument(string Name, byte[] Bytes)
{
    public override string ToString() => Name;
}

using System.Text.Json;

namespace SkinLite.Benchmarks.Baselines;

/// <summary>The floors no parser can beat: loops over <see cref="Utf8JsonReader"/> that do nothing with what they read.</summary>
public static class TokenFloor
{
    /// <summary>Reads every token of the document and does nothing with it.</summary>
    public static int ReadEveryToken(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        int tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>Finds the top-level <c>status</c> value and stops: the least a poll classification can do.</summary>
    public static bool FindStatus(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.CurrentDepth == 1 && reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                return reader.ValueTextEquals("SUCCESS"u8);
            }

            reader.Read();
            reader.Skip();
        }

        return false;
    }
}

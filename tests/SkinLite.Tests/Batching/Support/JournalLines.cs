using System.Text.Json;

namespace SkinLite.Tests.Batching.Support;

/// <summary>Reads a batch journal's lines as the records they are, for tests that look at the order of records.</summary>
internal static class JournalLines
{
    /// <summary>The records of <paramref name="path"/>, in file order, as (record, path) pairs; the header is left out.</summary>
    public static List<(string Record, string Path)> Read(string journalPath)
    {
        var records = new List<(string, string)>();
        using var file = new FileStream(journalPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("record", out JsonElement record))
            {
                records.Add((record.GetString()!, document.RootElement.GetProperty("path").GetString()!));
            }
        }

        return records;
    }

    /// <summary>The last record written for the image at <paramref name="imagePath"/>, or null if none.</summary>
    public static string? LastOf(string journalPath, string imagePath) =>
        Read(journalPath).LastOrDefault(r => r.Path == imagePath).Record;
}

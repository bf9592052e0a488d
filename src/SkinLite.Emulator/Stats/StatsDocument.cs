using System.Buffers;
using System.Text.Json;

namespace SkinLite.Emulator;

/// <summary>
/// The JSON of <c>GET /emulator/stats</c>, written by hand like every other document of the emulator (no reflection,
/// AOT-clean): <c>{"acceptedSubmits","rateLimited","quotaRefused","polls","submitsByImage":{sha256: count}}</c>, images
/// in ordinal order of their key so that the same counts always give the same bytes.
/// </summary>
internal static class StatsDocument
{
    public static byte[] Write(EmulatorStats stats)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("acceptedSubmits", stats.AcceptedSubmits);
            writer.WriteNumber("rateLimited", stats.RateLimited);
            writer.WriteNumber("quotaRefused", stats.QuotaRefused);
            writer.WriteNumber("polls", stats.Polls);
            writer.WriteStartObject("submitsByImage");
            foreach (KeyValuePair<string, int> image in stats.SubmitsByImage.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                writer.WriteNumber(image.Key, image.Value);
            }

            writer.WriteEndObject();
            writer.WriteBoolean("emulated", true);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

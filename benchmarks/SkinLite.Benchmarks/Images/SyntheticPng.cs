using System.Buffers.Binary;

namespace SkinLite.Benchmarks.Images;

/// <summary>
/// A file that passes for a 1024x1024 PNG wherever only the header is read (the preflight, the emulator's rules),
/// padded with random bytes to the size wanted and closed by an IEND chunk. Nothing here decodes pixels, so nothing needs real ones.
/// </summary>
public static class SyntheticPng
{
    public static byte[] Create(int totalBytes, int seed = 42)
    {
        byte[] image = new byte[totalBytes];
        new Random(seed).NextBytes(image);
        Span<byte> head = image;
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(head);
        BinaryPrimitives.WriteUInt32BigEndian(head[8..], 13);
        "IHDR"u8.CopyTo(head[12..]);
        BinaryPrimitives.WriteUInt32BigEndian(head[16..], 1024);
        BinaryPrimitives.WriteUInt32BigEndian(head[20..], 1024);
        head[24] = 8; // bit depth
        head[25] = 2; // truecolour
        head[26] = head[27] = head[28] = 0; // compression, filter, interlace
        ReadOnlySpan<byte> end = [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];
        end.CopyTo(head[^end.Length..]); // a complete file ends with IEND, which the emulator checks for
        return image;
    }

    /// <summary>Writes one to a temporary file and returns its path.</summary>
    public static string WriteTemporary(int totalBytes, string name)
    {
        string path = Path.Combine(Path.GetTempPath(), $"skinlite-bench-{Environment.ProcessId}-{name}.png");
        File.WriteAllBytes(path, Create(totalBytes));
        return path;
    }
}

using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;

namespace SkinLite.Emulator;

/// <summary>
/// The images an emulated result references (the input, the combined mask, the T and U zones, one mask per concern),
/// made up as small PNGs: a grey face-like oval with a coloured overlay whose colour and place depend on the file name,
/// so each concern's image differs and the same name always gives the same bytes. Made once per name and kept (there
/// are about twenty names). Nothing here is derived from the uploaded image, which the emulator does not keep.
/// </summary>
internal static class AssetImages
{
    /// <summary>The side of every asset, in pixels: small, but big enough to look at in a report.</summary>
    public const int Side = 256;

    public const string ContentType = "image/png";

    private static readonly ConcurrentDictionary<string, byte[]> Made = new(StringComparer.Ordinal);
    private static readonly uint[] CrcTable = MakeCrcTable();

    /// <summary>The input image's name: the emulator does not keep the upload, so it serves a made-up one.</summary>
    public const string InputName = "0.png";

    private static readonly HashSet<string> Referenced = new(
        ["api_image.png", "combine_mask.png", "t_zone.png", "u_zone.png", InputName, .. ConcernCatalog.All.Select(c => OutputName(c.ImageFile))],
        StringComparer.Ordinal);

    /// <summary>The served name of a file the real service names <paramref name="recordedName"/> (its <c>.jpg</c> becomes <c>.png</c>, spaces kept).</summary>
    public static string OutputName(string recordedName) => Path.ChangeExtension(recordedName, ".png");

    /// <summary>Whether an emulated document references an image of this name.</summary>
    public static bool IsReferenced(string name) => Referenced.Contains(name);

    /// <summary>The PNG for the asset file <paramref name="name"/>.</summary>
    public static byte[] For(string name) => Made.GetOrAdd(name, Draw);

    private static byte[] Draw(string name)
    {
        uint seed = Fnv(name);
        byte red = (byte)(64 + (seed % 192));
        byte green = (byte)(64 + ((seed >> 8) % 192));
        byte blue = (byte)(64 + ((seed >> 16) % 192));
        int spotX = 80 + (int)((seed >> 4) % 96);
        int spotY = 70 + (int)((seed >> 12) % 110);
        const int Stride = (Side * 3) + 1;
        byte[] raw = new byte[Side * Stride];
        for (int y = 0; y < Side; y++)
        {
            int row = y * Stride;
            raw[row] = 0; // filter: none
            for (int x = 0; x < Side; x++)
            {
                double fx = (x - 128) / 90.0;
                double fy = (y - 128) / 115.0;
                bool face = (fx * fx) + (fy * fy) <= 1;
                int dx = x - spotX;
                int dy = y - spotY;
                bool spot = face && (dx * dx) + (dy * dy) <= 30 * 30;
                int at = row + 1 + (x * 3);
                (raw[at], raw[at + 1], raw[at + 2]) = spot ? (red, green, blue) : face ? ((byte)196, (byte)170, (byte)150) : ((byte)236, (byte)236, (byte)236);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Side);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], Side);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour
        WriteChunk(png, "IHDR"u8, header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            WriteChunk(png, "IDAT"u8, compressed.ToArray());
        }

        WriteChunk(png, "tEXt"u8, Encoding.ASCII.GetBytes("Comment\0SkinLite emulator: made-up " + name));
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(type);
        png.Write(data);
        uint crc = Crc(0xFFFFFFFFu, type);
        crc = Crc(crc, data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(number, crc);
        png.Write(number);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    private static uint Fnv(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}

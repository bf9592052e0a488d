using System.Buffers.Binary;
using System.Text;

namespace SkinLite.Imaging.Tests;

internal sealed record JpegSegment(byte Marker, string Name, string? Identifier, int Offset, int Length);

internal sealed record PngChunk(string Type, int Offset, int Length);

internal sealed record ExifFields(
    int? Orientation, string? Make, string? Model, string? DateTimeOriginal, string? BodySerialNumber,
    double? Latitude, double? Longitude);

// Reads what a file carries besides pixels, straight from the bytes: the fitter's output must carry none of
// it, and a decoder would hide exactly what these tests look for.
internal static class Metadata
{
    // Identifiers of the APPn segments that hold private data (Exif: location/device/date; XMP; ICC: not sRGB
    // unless it says so) and COM. JFIF APP0 and Adobe APP14 are format markers, not metadata.
    internal static readonly string[] PrivateJpegKinds = ["Exif", "XMP", "ICC_PROFILE", "COM"];

    internal static readonly string[] PrivatePngChunks = ["tEXt", "zTXt", "iTXt", "eXIf", "iCCP", "tIME"];

    // Every marker segment from SOI up to and including SOS (the entropy-coded data after it is not walked).
    public static IReadOnlyList<JpegSegment> JpegSegments(byte[] jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            throw new ArgumentException("not a JPEG: no SOI", nameof(jpeg));
        }

        var segments = new List<JpegSegment> { new(0xD8, "SOI", null, 0, 0) };
        int at = 2;
        while (at + 1 < jpeg.Length)
        {
            if (jpeg[at] != 0xFF)
            {
                throw new FormatException($"no marker at offset {at}");
            }

            while (at < jpeg.Length && jpeg[at] == 0xFF)
            {
                at++; // fill bytes
            }

            byte marker = jpeg[at];
            int start = at - 1;
            at++;
            if (marker is 0x01 or (>= 0xD0 and <= 0xD9))
            {
                segments.Add(new(marker, Name(marker), null, start, 0)); // standalone markers have no length
                if (marker == 0xD9)
                {
                    break;
                }

                continue;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at));
            string? id = marker is >= 0xE0 and <= 0xEF ? Identifier(jpeg.AsSpan(at + 2, Math.Min(length - 2, 64))) : null;
            segments.Add(new(marker, Name(marker), id, start, length));
            at += length;
            if (marker == 0xDA)
            {
                break;
            }
        }

        return segments;
    }

    // The private-data kinds present, e.g. ["Exif", "XMP"]; an empty list is what a fitted image must give.
    public static IReadOnlyList<string> JpegPrivateKinds(byte[] jpeg) =>
        JpegSegments(jpeg).Select(Kind).Where(k => k is not null && PrivateJpegKinds.Contains(k)).Select(k => k!)
            .Distinct().ToList();

    public static IReadOnlyList<PngChunk> PngChunks(byte[] png)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!png.AsSpan().StartsWith(signature))
        {
            throw new ArgumentException("not a PNG: no signature", nameof(png));
        }

        var chunks = new List<PngChunk>();
        for (int at = 8; at + 8 <= png.Length;)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            string type = Encoding.ASCII.GetString(png, at + 4, 4);
            chunks.Add(new(type, at, length));
            at += 12 + length; // length, type, data, CRC
            if (type == "IEND")
            {
                break;
            }
        }

        return chunks;
    }

    public static IReadOnlyList<string> PngPrivateChunks(byte[] png) =>
        PngChunks(png).Select(c => c.Type).Where(PrivatePngChunks.Contains).Distinct().ToList();

    // The Exif fields the fitter must remove (and the orientation it must apply), or null without Exif.
    public static ExifFields? ReadExif(byte[] jpeg)
    {
        JpegSegment? app1 = JpegSegments(jpeg).FirstOrDefault(s => s.Marker == 0xE1 && s.Identifier == "Exif");
        if (app1 is null)
        {
            return null;
        }

        var tiff = jpeg.AsSpan(app1.Offset + 4 + 6, app1.Length - 2 - 6).ToArray();
        bool be = tiff[0] == (byte)'M';
        var ifd0 = ReadIfd(tiff, be, (int)U32(tiff, 4, be));
        var exif = ifd0.TryGetValue(0x8769, out object? e) ? ReadIfd(tiff, be, (int)((uint[])e)[0]) : [];
        var gps = ifd0.TryGetValue(0x8825, out object? g) ? ReadIfd(tiff, be, (int)((uint[])g)[0]) : [];
        return new(
            ifd0.TryGetValue(0x0112, out object? o) ? (int)((uint[])o)[0] : null,
            ifd0.GetValueOrDefault(0x010F) as string,
            ifd0.GetValueOrDefault(0x0110) as string,
            exif.GetValueOrDefault(0x9003) as string,
            exif.GetValueOrDefault(0xA431) as string,
            Coordinate(gps, 0x0001, 0x0002, "S"),
            Coordinate(gps, 0x0003, 0x0004, "W"));
    }

    private static string? Kind(JpegSegment s) => s.Marker switch
    {
        0xFE => "COM",
        0xE1 when s.Identifier == "Exif" => "Exif",
        0xE1 when s.Identifier?.StartsWith("http://ns.adobe.com/", StringComparison.Ordinal) == true => "XMP",
        0xE2 when s.Identifier == "ICC_PROFILE" => "ICC_PROFILE",
        0xE0 when s.Identifier == "JFIF" => "JFIF",
        0xEE when s.Identifier?.StartsWith("Adobe", StringComparison.Ordinal) == true => "Adobe",
        _ => s.Identifier,
    };

    private static string Name(byte marker) => marker switch
    {
        0xD8 => "SOI",
        0xD9 => "EOI",
        0xDA => "SOS",
        0xDB => "DQT",
        0xC4 => "DHT",
        0xDD => "DRI",
        0xFE => "COM",
        >= 0xC0 and <= 0xCF => $"SOF{marker - 0xC0}",
        >= 0xD0 and <= 0xD7 => $"RST{marker - 0xD0}",
        >= 0xE0 and <= 0xEF => $"APP{marker - 0xE0}",
        _ => $"0x{marker:X2}",
    };

    // An APPn's identifier is its leading NUL-terminated ASCII ("Exif", "JFIF", "ICC_PROFILE", XMP's namespace URI).
    private static string Identifier(ReadOnlySpan<byte> payload)
    {
        int end = payload.IndexOf((byte)0);
        ReadOnlySpan<byte> id = end < 0 ? payload : payload[..end];
        return Encoding.ASCII.GetString(id);
    }

    // tag -> string (ASCII), uint[] (BYTE/SHORT/LONG) or double[] (RATIONAL); other types are skipped.
    private static Dictionary<int, object> ReadIfd(byte[] tiff, bool be, int at)
    {
        var values = new Dictionary<int, object>();
        int count = U16(tiff, at, be);
        for (int i = 0; i < count; i++)
        {
            int entry = at + 2 + (12 * i);
            ushort tag = U16(tiff, entry, be), type = U16(tiff, entry + 2, be);
            int n = (int)U32(tiff, entry + 4, be);
            int size = type switch { 1 or 2 or 7 => 1, 3 => 2, 4 => 4, 5 => 8, _ => 0 } * n;
            int data = size <= 4 ? entry + 8 : (int)U32(tiff, entry + 8, be);
            object? value = type switch
            {
                2 => Encoding.ASCII.GetString(tiff, data, n).TrimEnd('\0'),
                1 => Enumerable.Range(0, n).Select(k => (uint)tiff[data + k]).ToArray(),
                3 => Enumerable.Range(0, n).Select(k => (uint)U16(tiff, data + (2 * k), be)).ToArray(),
                4 => Enumerable.Range(0, n).Select(k => U32(tiff, data + (4 * k), be)).ToArray(),
                5 => Enumerable.Range(0, n).Select(k => (double)U32(tiff, data + (8 * k), be) / U32(tiff, data + (8 * k) + 4, be)).ToArray(),
                _ => null,
            };
            if (value is not null)
            {
                values[tag] = value;
            }
        }

        return values;
    }

    private static double? Coordinate(Dictionary<int, object> gps, ushort refTag, ushort valueTag, string negative)
    {
        if (gps.GetValueOrDefault(valueTag) is not double[] { Length: 3 } dms)
        {
            return null;
        }

        double value = dms[0] + (dms[1] / 60) + (dms[2] / 3600);
        return gps.GetValueOrDefault(refTag) as string == negative ? -value : value;
    }

    private static ushort U16(byte[] b, int at, bool be) =>
        be ? BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at));

    private static uint U32(byte[] b, int at, bool be) =>
        be ? BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));
}

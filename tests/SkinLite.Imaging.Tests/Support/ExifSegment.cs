using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace SkinLite.Imaging.Tests;

// Builds the metadata segments a phone camera writes, byte by byte, so tests control exactly what goes in
// (and can prove the fitter takes all of it out) without depending on a metadata library.
internal static class ExifSegment
{
    internal const string Make = "FixtureCam";
    internal const string Model = "FixtureCam Phone 15";
    internal const string Serial = "FC-0001-TEST";
    internal const string Taken = "2026:05:17 10:42:07";
    internal const double Latitude = 52.370216;
    internal const double Longitude = 4.895168;

    private const ushort Ascii = 2, Short = 3, Long = 4, Rational = 5, Byte = 1;

    // APP1 "Exif\0\0" + TIFF: IFD0 (Orientation, Make, Model, DateTime) -> Exif IFD (DateTimeOriginal,
    // BodySerialNumber) and GPS IFD (version, lat/lon refs and rationals). Negative latitude means south,
    // negative longitude west, as the refs say. bigEndian picks "MM" (most phones) or "II".
    public static byte[] Build(int orientation, bool gps = true, bool bigEndian = true,
        double latitude = Latitude, double longitude = Longitude)
    {
        var ifd0 = new List<Entry>
        {
            Text(0x010F, Make),
            Text(0x0110, Model),
            new(0x0112, Short, 1, U16(bigEndian, (ushort)orientation)),
            Text(0x0132, Taken),
            new(0x8769, Long, 1, new byte[4]), // Exif IFD pointer, patched below
        };
        var exif = new List<Entry> { Text(0x9003, Taken), Text(0xA431, Serial) };
        var gpsIfd = new List<Entry>
        {
            new(0x0000, Byte, 4, [2, 3, 0, 0]),
            Text(0x0001, latitude < 0 ? "S" : "N"),
            new(0x0002, Rational, 3, Dms(bigEndian, latitude)),
            Text(0x0003, longitude < 0 ? "W" : "E"),
            new(0x0004, Rational, 3, Dms(bigEndian, longitude)),
        };
        if (gps)
        {
            ifd0.Add(new(0x8825, Long, 1, new byte[4])); // GPS IFD pointer, patched below
        }

        // Layout: header (8) | IFD0 + its data | Exif IFD + data | GPS IFD + data. Sizes do not depend on the
        // pointer values, so the offsets are known before anything is written.
        int ifd0At = 8, exifAt = ifd0At + Size(ifd0), gpsAt = exifAt + Size(exif);
        ifd0[4] = ifd0[4] with { Data = U32(bigEndian, (uint)exifAt) };
        if (gps)
        {
            ifd0[5] = ifd0[5] with { Data = U32(bigEndian, (uint)gpsAt) };
        }

        var tiff = new List<byte>();
        tiff.AddRange(bigEndian ? "MM"u8.ToArray() : "II"u8.ToArray());
        tiff.AddRange(U16(bigEndian, 42));
        tiff.AddRange(U32(bigEndian, 8));
        Write(tiff, ifd0, bigEndian);
        Write(tiff, exif, bigEndian);
        if (gps)
        {
            Write(tiff, gpsIfd, bigEndian);
        }

        return Segment(0xE1, [.. "Exif\0\0"u8.ToArray(), .. tiff]);
    }

    // APP1 XMP packet as Adobe's software writes it, carrying a location (exif:GPSLatitude "DD,MM.mmmmN").
    public static byte[] Xmp(double latitude = Latitude, double longitude = Longitude)
    {
        string packet =
            "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>" +
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
            "<rdf:Description rdf:about=\"\" xmlns:exif=\"http://ns.adobe.com/exif/1.0/\"" +
            " xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\"" +
            $" exif:GPSLatitude=\"{XmpCoordinate(latitude, 'N', 'S')}\"" +
            $" exif:GPSLongitude=\"{XmpCoordinate(longitude, 'E', 'W')}\" photoshop:City=\"Amsterdam\"/>" +
            "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
        return Segment(0xE1, [.. Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0"), .. Encoding.UTF8.GetBytes(packet)]);
    }

    // Puts the segment(s) right after SOI (FF D8), where cameras put Exif, ahead of any JFIF APP0.
    public static byte[] InsertAfterSoi(byte[] jpeg, byte[] app1)
    {
        if (jpeg.Length < 2 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            throw new ArgumentException("not a JPEG: no SOI", nameof(jpeg));
        }

        var result = new byte[jpeg.Length + app1.Length];
        result[0] = 0xFF;
        result[1] = 0xD8;
        app1.CopyTo(result, 2);
        jpeg.AsSpan(2).CopyTo(result.AsSpan(2 + app1.Length));
        return result;
    }

    private sealed record Entry(ushort Tag, ushort Type, uint Count, byte[] Data);

    private static Entry Text(ushort tag, string value)
    {
        byte[] data = Encoding.ASCII.GetBytes(value + "\0");
        return new(tag, Ascii, (uint)data.Length, data);
    }

    // An IFD: count, 12-byte entries, next-IFD offset (0), then values over 4 bytes (each padded to even).
    private static int Size(List<Entry> entries) =>
        2 + (12 * entries.Count) + 4 + entries.Where(e => e.Data.Length > 4).Sum(e => (e.Data.Length + 1) & ~1);

    private static void Write(List<byte> tiff, List<Entry> entries, bool be)
    {
        int dataAt = tiff.Count + 2 + (12 * entries.Count) + 4;
        var data = new List<byte>();
        tiff.AddRange(U16(be, (ushort)entries.Count));
        foreach (Entry e in entries.OrderBy(e => e.Tag)) // TIFF wants tags ascending
        {
            tiff.AddRange(U16(be, e.Tag));
            tiff.AddRange(U16(be, e.Type));
            tiff.AddRange(U32(be, e.Count));
            if (e.Data.Length <= 4)
            {
                tiff.AddRange(e.Data);
                tiff.AddRange(new byte[4 - e.Data.Length]); // left-justified inline value
            }
            else
            {
                tiff.AddRange(U32(be, (uint)(dataAt + data.Count)));
                data.AddRange(e.Data);
                if ((e.Data.Length & 1) == 1)
                {
                    data.Add(0);
                }
            }
        }

        tiff.AddRange(U32(be, 0));
        tiff.AddRange(data);
    }

    // Degrees, minutes, seconds as three rationals; seconds to 1/10000 like phones write them.
    private static byte[] Dms(bool be, double value)
    {
        double abs = Math.Abs(value);
        uint degrees = (uint)abs;
        uint minutes = (uint)((abs - degrees) * 60);
        uint seconds = (uint)Math.Round((((abs - degrees) * 60) - minutes) * 60 * 10000);
        return [.. U32(be, degrees), .. U32(be, 1), .. U32(be, minutes), .. U32(be, 1), .. U32(be, seconds), .. U32(be, 10000)];
    }

    private static string XmpCoordinate(double value, char positive, char negative)
    {
        double abs = Math.Abs(value);
        int degrees = (int)abs;
        return string.Create(CultureInfo.InvariantCulture, $"{degrees},{(abs - degrees) * 60:0.000000}{(value < 0 ? negative : positive)}");
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        if (payload.Length + 2 > 0xFFFF)
        {
            throw new ArgumentException("a JPEG segment holds at most 65533 bytes", nameof(payload));
        }

        return [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2), .. payload];
    }

    private static byte[] U16(bool be, ushort v)
    {
        var b = new byte[2];
        if (be) { BinaryPrimitives.WriteUInt16BigEndian(b, v); } else { BinaryPrimitives.WriteUInt16LittleEndian(b, v); }
        return b;
    }

    private static byte[] U32(bool be, uint v)
    {
        var b = new byte[4];
        if (be) { BinaryPrimitives.WriteUInt32BigEndian(b, v); } else { BinaryPrimitives.WriteUInt32LittleEndian(b, v); }
        return b;
    }
}

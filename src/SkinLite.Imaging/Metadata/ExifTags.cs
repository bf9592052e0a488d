using System.Buffers.Binary;

namespace SkinLite.Imaging.Metadata;

/// <summary>
/// Reads an EXIF (TIFF) block far enough to say which kinds of metadata it holds and its orientation. It follows
/// IFD0, the Exif sub-IFD and the GPS IFD by offset, bounds-checking every read: a hostile block gives what could be
/// read and <see cref="PhotoMetadata.Other"/>, never an exception.
/// </summary>
internal static class ExifTags
{
    private const ushort Make = 0x010F, Model = 0x0110, Software = 0x0131, DateTime = 0x0132, Artist = 0x013B, HostComputer = 0x013C;
    private const ushort Orientation = 0x0112, ExifPointer = 0x8769, GpsPointer = 0x8825;
    private const ushort DateTimeOriginal = 0x9003, DateTimeDigitized = 0x9004, OffsetTime = 0x9010, OffsetTimeOriginal = 0x9011, OffsetTimeDigitized = 0x9012;
    private const ushort CameraOwnerName = 0xA430, BodySerialNumber = 0xA431, LensMake = 0xA433, LensModel = 0xA434, LensSerialNumber = 0xA435;
    private const ushort ImageUniqueId = 0xA420;

    /// <summary>Entries read per IFD at most; real ones have a few dozen.</summary>
    private const int MaxEntries = 512;

    /// <param name="tiff">The block from its byte-order mark (<c>II*\0</c> or <c>MM\0*</c>).</param>
    /// <param name="orientation">The orientation tag (1-8), or 1 when there is none.</param>
    public static PhotoMetadata Classify(ReadOnlySpan<byte> tiff, out int orientation)
    {
        orientation = 1;
        if (tiff.Length < 8)
        {
            return PhotoMetadata.Other;
        }

        bool little = tiff[0] == (byte)'I' && tiff[1] == (byte)'I';
        if (!little && !(tiff[0] == (byte)'M' && tiff[1] == (byte)'M'))
        {
            return PhotoMetadata.Other;
        }

        var reader = new Reader(tiff, little);
        PhotoMetadata found = PhotoMetadata.None;
        uint exifIfd = 0, gpsIfd = 0;
        foreach ((ushort tag, uint value) in reader.Entries(reader.UInt32(4)))
        {
            switch (tag)
            {
                case Orientation:
                    orientation = value is >= 1 and <= 8 ? (int)value : 1;
                    break;
                case ExifPointer:
                    exifIfd = value;
                    break;
                case GpsPointer:
                    gpsIfd = value;
                    break;
                default:
                    found |= KindOf(tag);
                    break;
            }
        }

        if (exifIfd != 0)
        {
            foreach ((ushort tag, _) in reader.Entries(exifIfd))
            {
                found |= KindOf(tag);
            }
        }

        if (gpsIfd != 0 && reader.Entries(gpsIfd).Any())
        {
            found |= PhotoMetadata.Location;
        }

        // An EXIF block that holds only the orientation still goes: nothing in a fitted image needs it.
        return found == PhotoMetadata.None ? PhotoMetadata.Other : found;
    }

    private static PhotoMetadata KindOf(ushort tag) => tag switch
    {
        Make or Model or Software or Artist or HostComputer or CameraOwnerName or BodySerialNumber or LensMake or LensModel or LensSerialNumber or ImageUniqueId => PhotoMetadata.Device,
        DateTime or DateTimeOriginal or DateTimeDigitized or OffsetTime or OffsetTimeOriginal or OffsetTimeDigitized => PhotoMetadata.Dates,
        _ => PhotoMetadata.Other,
    };

    /// <summary>Bounds-checked reads of one TIFF block; the entries are copied out so no span outlives the call.</summary>
    private readonly ref struct Reader(ReadOnlySpan<byte> tiff, bool little)
    {
        private readonly ReadOnlySpan<byte> _tiff = tiff;

        public uint UInt32(long offset) =>
            offset < 0 || offset + 4 > _tiff.Length ? 0
            : little ? BinaryPrimitives.ReadUInt32LittleEndian(_tiff[(int)offset..]) : BinaryPrimitives.ReadUInt32BigEndian(_tiff[(int)offset..]);

        private ushort UInt16(long offset) =>
            offset < 0 || offset + 2 > _tiff.Length ? (ushort)0
            : little ? BinaryPrimitives.ReadUInt16LittleEndian(_tiff[(int)offset..]) : BinaryPrimitives.ReadUInt16BigEndian(_tiff[(int)offset..]);

        /// <summary>Each entry's tag and value; the value is read as the short it holds for SHORT entries, else as a long (offsets).</summary>
        public List<(ushort Tag, uint Value)> Entries(uint ifd)
        {
            var entries = new List<(ushort, uint)>();
            if (ifd < 8 || ifd + 2 > _tiff.Length)
            {
                return entries;
            }

            int count = Math.Min((int)UInt16(ifd), MaxEntries);
            for (int i = 0; i < count; i++)
            {
                long entry = ifd + 2 + (12L * i);
                if (entry + 12 > _tiff.Length)
                {
                    break;
                }

                ushort tag = UInt16(entry);
                ushort type = UInt16(entry + 2);
                uint value = type == 3 ? UInt16(entry + 8) : UInt32(entry + 8);
                entries.Add((tag, value));
            }

            return entries;
        }
    }
}

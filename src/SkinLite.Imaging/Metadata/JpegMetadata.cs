using System.Buffers.Binary;

namespace SkinLite.Imaging.Metadata;

/// <summary>Walks a JPEG's marker segments up to the first scan and classifies what they carry.</summary>
internal static class JpegMetadata
{
    private static ReadOnlySpan<byte> ExifId => "Exif\0\0"u8;
    private static ReadOnlySpan<byte> XmpId => "http://ns.adobe.com/xap/1.0/\0"u8;
    private static ReadOnlySpan<byte> IccId => "ICC_PROFILE\0"u8;

    public static SourceFacts Scan(ReadOnlySpan<byte> jpeg)
    {
        PhotoMetadata found = PhotoMetadata.None;
        int orientation = 1;
        bool fourComponents = false;
        int position = 2;
        while (position + 4 <= jpeg.Length && jpeg[position] == 0xFF)
        {
            byte marker = jpeg[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                break;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(position + 2)..]);
            if (length < 2)
            {
                break;
            }

            ReadOnlySpan<byte> body = jpeg.Slice(position + 4, Math.Min(length - 2, jpeg.Length - position - 4));
            found |= Classify(marker, body, ref orientation);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC && body.Length >= 6)
            {
                fourComponents = body[5] == 4;
            }

            position += 2 + length;
        }

        return new SourceFacts(found, orientation, fourComponents, MayHaveAlpha: false);
    }

    private static PhotoMetadata Classify(byte marker, ReadOnlySpan<byte> body, ref int orientation)
    {
        if (marker == 0xE1 && body.StartsWith(ExifId))
        {
            return ExifTags.Classify(body[ExifId.Length..], out orientation);
        }

        if (marker == 0xE1 && body.StartsWith(XmpId))
        {
            return Xmp.Classify(body[XmpId.Length..]);
        }

        if (marker == 0xE2 && body.StartsWith(IccId))
        {
            return PhotoMetadata.ColorProfile;
        }

        // APP0 is JFIF/JFXX (density, perhaps a thumbnail) and APP14 Adobe's colour transform flag: structure, not
        // metadata. Every other APPn (MPF previews, IPTC, maker data) and a comment is.
        return marker is >= 0xE1 and <= 0xED or 0xEF or 0xFE ? PhotoMetadata.Other : PhotoMetadata.None;
    }
}

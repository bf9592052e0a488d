using System.Buffers.Binary;

namespace SkinLite.Imaging.Metadata;

/// <summary>Walks every chunk of a PNG (metadata may follow the image data) and classifies what they carry.</summary>
internal static class PngMetadata
{
    private const int MaxChunks = 100_000;

    public static SourceFacts Scan(ReadOnlySpan<byte> png)
    {
        PhotoMetadata found = PhotoMetadata.None;
        int orientation = 1;
        bool alpha = png.Length > 25 && png[25] is 4 or 6;
        long position = 8;
        for (int chunk = 0; chunk < MaxChunks && position + 8 <= png.Length; chunk++)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(png[(int)position..]);
            ReadOnlySpan<byte> type = png.Slice((int)position + 4, 4);
            long dataStart = position + 8;
            ReadOnlySpan<byte> data = png.Slice((int)dataStart, (int)Math.Clamp(png.Length - dataStart, 0, length));
            if (type.SequenceEqual("IEND"u8))
            {
                break;
            }

            if (type.SequenceEqual("tRNS"u8))
            {
                alpha = true;
            }
            else if (type.SequenceEqual("eXIf"u8))
            {
                found |= ExifTags.Classify(data, out orientation);
            }
            else if (type.SequenceEqual("tIME"u8))
            {
                found |= PhotoMetadata.Dates;
            }
            else if (type.SequenceEqual("iCCP"u8))
            {
                found |= PhotoMetadata.ColorProfile;
            }
            else if (type.SequenceEqual("iTXt"u8) && data.StartsWith("XML:com.adobe.xmp\0"u8))
            {
                found |= Xmp.Classify(data);
            }
            else if (type.SequenceEqual("tEXt"u8) || type.SequenceEqual("zTXt"u8) || type.SequenceEqual("iTXt"u8))
            {
                found |= PhotoMetadata.Other;
            }

            position = dataStart + length + 4;
        }

        return new SourceFacts(found, orientation, FourComponents: false, alpha);
    }
}

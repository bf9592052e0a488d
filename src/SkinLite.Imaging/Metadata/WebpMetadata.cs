using System.Buffers.Binary;

namespace SkinLite.Imaging.Metadata;

/// <summary>Walks a WebP's RIFF chunks and classifies what they carry.</summary>
internal static class WebpMetadata
{
    private const int MaxChunks = 10_000;

    public static SourceFacts Scan(ReadOnlySpan<byte> webp)
    {
        PhotoMetadata found = PhotoMetadata.None;
        int orientation = 1;
        long position = 12;
        for (int chunk = 0; chunk < MaxChunks && position + 8 <= webp.Length; chunk++)
        {
            ReadOnlySpan<byte> type = webp.Slice((int)position, 4);
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(webp[((int)position + 4)..]);
            long dataStart = position + 8;
            ReadOnlySpan<byte> data = webp.Slice((int)dataStart, (int)Math.Clamp(webp.Length - dataStart, 0, length));
            if (type.SequenceEqual("EXIF"u8))
            {
                // Some writers keep JPEG's "Exif\0\0" in front of the TIFF block.
                found |= ExifTags.Classify(data.StartsWith("Exif\0\0"u8) ? data[6..] : data, out orientation);
            }
            else if (type.SequenceEqual("XMP "u8))
            {
                found |= Xmp.Classify(data);
            }
            else if (type.SequenceEqual("ICCP"u8))
            {
                found |= PhotoMetadata.ColorProfile;
            }

            // Chunks are padded to an even length.
            position = dataStart + length + (length & 1);
        }

        return new SourceFacts(found, orientation, FourComponents: false, MayHaveAlpha: true);
    }
}

namespace SkinLite.Imaging.Metadata;

/// <summary>Classifies an XMP packet by the property names it contains; a packet is text, so a search is enough.</summary>
internal static class Xmp
{
    public static PhotoMetadata Classify(ReadOnlySpan<byte> packet)
    {
        PhotoMetadata found = PhotoMetadata.Other;
        if (packet.IndexOf("GPSLatitude"u8) >= 0 || packet.IndexOf("GPSLongitude"u8) >= 0 || packet.IndexOf("photoshop:City"u8) >= 0 || packet.IndexOf("Iptc4xmpCore:Location"u8) >= 0)
        {
            found |= PhotoMetadata.Location;
        }

        if (packet.IndexOf("tiff:Make"u8) >= 0 || packet.IndexOf("tiff:Model"u8) >= 0 || packet.IndexOf("SerialNumber"u8) >= 0 || packet.IndexOf("xmp:CreatorTool"u8) >= 0)
        {
            found |= PhotoMetadata.Device;
        }

        if (packet.IndexOf("DateTimeOriginal"u8) >= 0 || packet.IndexOf("xmp:CreateDate"u8) >= 0 || packet.IndexOf("xmp:ModifyDate"u8) >= 0 || packet.IndexOf("photoshop:DateCreated"u8) >= 0)
        {
            found |= PhotoMetadata.Dates;
        }

        return found;
    }
}

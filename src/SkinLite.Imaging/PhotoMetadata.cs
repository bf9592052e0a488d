namespace SkinLite.Imaging;

/// <summary>Kinds of metadata a photo can carry. A fitted image carries none of them.</summary>
[Flags]
public enum PhotoMetadata
{
    /// <summary>No metadata.</summary>
    None = 0,

    /// <summary>Where the photo was taken: EXIF GPS tags, or a location in XMP.</summary>
    Location = 1,

    /// <summary>What took it: camera make and model, body or lens serial number, owner name, software.</summary>
    Device = 2,

    /// <summary>When: the EXIF dates, PNG's tIME.</summary>
    Dates = 4,

    /// <summary>An embedded colour profile (ICC). It is not private, but the fitted image is converted to sRGB and carries none.</summary>
    ColorProfile = 8,

    /// <summary>Anything else: other EXIF tags, XMP, IPTC, comments, text chunks, embedded previews (MPF).</summary>
    Other = 16,
}

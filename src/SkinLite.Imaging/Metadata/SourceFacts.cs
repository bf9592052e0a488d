namespace SkinLite.Imaging.Metadata;

/// <summary>What a scan of the file's structure found, before any pixel is decoded.</summary>
/// <param name="Metadata">The kinds of metadata it carries.</param>
/// <param name="Orientation">The EXIF orientation (1-8); 1 when there is none.</param>
/// <param name="FourComponents">A JPEG in CMYK or YCCK, which the service may read with wrong colours.</param>
/// <param name="MayHaveAlpha">A PNG with an alpha channel or a transparency chunk.</param>
internal readonly record struct SourceFacts(PhotoMetadata Metadata, int Orientation, bool FourComponents, bool MayHaveAlpha);

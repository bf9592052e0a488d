namespace SkinLite.Cli.Output;

/// <summary>A t-zone or u-zone: its skin type and image.</summary>
internal sealed class ZoneDocument
{
    public string? Type { get; init; }

    public string? ImageUrl { get; init; }

    public static ZoneDocument? From(SkinZone? zone) => zone is null ? null : new ZoneDocument { Type = zone.Type, ImageUrl = zone.ImageUrl };
}

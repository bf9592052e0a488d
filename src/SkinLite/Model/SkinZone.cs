using System.Text.Json;

namespace SkinLite;

/// <summary>One facial zone (<c>zones.t_zone</c> or <c>zones.u_zone</c>): its annotated image and its skin type.</summary>
public sealed class SkinZone
{
    private RawJson _raw; // not readonly: its element is made on first use
    private LazyUtf8String _imageUrl;

    internal SkinZone(RawJson raw, LazyUtf8String imageUrl, string? type)
    {
        _raw = raw;
        _imageUrl = imageUrl;
        Type = type;
    }

    /// <summary>The annotated image of the zone (<c>image</c>), exactly as sent (it may contain spaces).</summary>
    public string? ImageUrl => _imageUrl.Get(_raw.Utf8);

    /// <summary>The zone's skin type (<c>type</c>), e.g. <c>Oily</c>.</summary>
    public string? Type { get; }

    /// <summary>The zone object as the service sent it, with every field, modelled or not.</summary>
    public JsonElement Json => _raw.Element;
}

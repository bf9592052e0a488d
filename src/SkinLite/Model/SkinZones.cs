namespace SkinLite;

/// <summary>The facial zones of an analysis (<c>zones</c>).</summary>
public sealed class SkinZones
{
    internal SkinZones(SkinZone? tZone, SkinZone? uZone)
    {
        TZone = tZone;
        UZone = uZone;
    }

    /// <summary>The T-zone (forehead, nose, chin): <c>zones.t_zone</c>.</summary>
    public SkinZone? TZone { get; }

    /// <summary>The U-zone (cheeks, jaw): <c>zones.u_zone</c>.</summary>
    public SkinZone? UZone { get; }
}

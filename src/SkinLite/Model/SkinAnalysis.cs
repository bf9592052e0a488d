using System.Text.Json;

namespace SkinLite;

/// <summary>
/// A finished skin analysis, read from <c>output.skinData</c>. Every field may be missing or null in an answer and is then
/// <see langword="null"/> here; no value is range-checked. Fields SkinLite does not model stay reachable through <see cref="OutputJson"/>.
/// </summary>
public sealed class SkinAnalysis
{
    private RawJson _output; // not readonly: its element is made on first use
    private LazyUtf8String _facialHairUrl;
    private LazyUtf8String _inputImageUrl;
    private LazyUtf8String _combineMaskedUrl;
    private LazyUtf8String _summary;

    internal SkinAnalysis(RawJson output, in SkinAnalysisFields fields)
    {
        _output = output;
        TotalSkinScore = fields.TotalSkinScore;
        SkinAge = fields.SkinAge;
        EyeAge = fields.EyeAge;
        SkinHealth = fields.SkinHealth;
        SkinTone = fields.SkinTone;
        SkinShade = fields.SkinShade;
        SkinType = fields.SkinType;
        FacialHair = fields.FacialHair;
        _facialHairUrl = fields.FacialHairUrl;
        _inputImageUrl = fields.InputImageUrl;
        _combineMaskedUrl = fields.CombineMaskedUrl;
        _summary = fields.Summary;
        IsEmulated = fields.Emulated;
        Zones = fields.Zones ?? new SkinZones(null, null);
        Concerns = fields.Concerns ?? new SkinConcernList([]);
    }

    /// <summary>The overall score (<c>total_skin_score</c>), 0-100 by the documentation, higher is better.</summary>
    public int? TotalSkinScore { get; }

    /// <summary>The estimated skin age (<c>skin_age</c>). Real answers go below the documented 18.</summary>
    public int? SkinAge { get; }

    /// <summary>The estimated eye-area age (<c>eye_age</c>).</summary>
    public int? EyeAge { get; }

    /// <summary>The overall health label (<c>skin_health</c>), e.g. <c>Average</c>.</summary>
    public string? SkinHealth { get; }

    /// <summary>The tone (<c>skin_tone</c>): Fair, Light, Medium, Olive, Tan, Deep, or a value not yet documented.</summary>
    public string? SkinTone { get; }

    /// <summary>The shade (<c>skin_shade</c>) exactly as sent: a hex colour, seen without <c>#</c>.</summary>
    public string? SkinShade { get; }

    /// <summary>The shade as a CSS colour: <see cref="SkinShade"/> with one leading <c>#</c>, or <see langword="null"/>.</summary>
    public string? SkinShadeHex => string.IsNullOrEmpty(SkinShade) ? null : SkinShade[0] == '#' ? SkinShade : "#" + SkinShade;

    /// <summary>The type (<c>skin_type</c>): Oily, Dry, Normal, Combination, or a value not yet documented.</summary>
    public string? SkinType { get; }

    /// <summary>The facial-hair score (<c>facial_hair</c>).</summary>
    public int? FacialHair { get; }

    /// <summary>The facial-hair image (<c>facial_hair_url</c>).</summary>
    public string? FacialHairUrl => _facialHairUrl.Get(_output.Utf8);

    /// <summary>The processed input image (<c>inputImage</c>).</summary>
    public string? InputImageUrl => _inputImageUrl.Get(_output.Utf8);

    /// <summary>All concern masks on one image (<c>combine_masked_url</c>).</summary>
    public string? CombineMaskedUrl => _combineMaskedUrl.Get(_output.Utf8);

    /// <summary>A sentence or two about the skin (<c>summary</c>).</summary>
    public string? Summary => _summary.Get(_output.Utf8);

    /// <summary>Whether SkinLite's emulator made this analysis up (<c>emulated: true</c>); a real service answer says nothing and is <see langword="false"/>.</summary>
    public bool IsEmulated { get; }

    /// <summary>The T- and U-zones (<c>zones</c>); never null, its zones may be.</summary>
    public SkinZones Zones { get; }

    /// <summary>The concerns (<c>concerns</c>), in the order sent; never null, possibly empty.</summary>
    public SkinConcernList Concerns { get; }

    /// <summary>
    /// The whole <c>output</c> object as UTF-8 JSON as the service sent it, without the whitespace between tokens (an
    /// indented answer is kept compact); every value, string escapes included, is byte for byte as sent.
    /// </summary>
    public ReadOnlyMemory<byte> OutputUtf8Json => _output.Utf8;

    /// <summary>The whole <c>output</c> object, with every field SkinLite does not model.</summary>
    public JsonElement OutputJson => _output.Element;

    /// <summary>Describes the analysis in one line.</summary>
    public override string ToString() =>
        $"SkinAnalysis {{ TotalSkinScore = {TotalSkinScore}, SkinType = {SkinType}, SkinTone = {SkinTone}, SkinAge = {SkinAge}, Concerns = {Concerns.Count} }}";
}

using System.Text.Json;

namespace SkinLite;

/// <summary>One skin concern of an analysis (an element of <c>concerns</c>), e.g. acne or wrinkles.</summary>
public sealed class SkinConcern
{
    private RawJson _raw; // not readonly: its element is made on first use
    private LazyUtf8String _imageUrl;
    private LazyUtf8String _description;
    private LazyUtf8String _analyses;

    internal SkinConcern(RawJson raw, in SkinConcernFields fields)
    {
        _raw = raw;
        AreaName = fields.AreaName;
        Name = fields.Name;
        TechName = fields.TechName;
        Value = fields.Value;
        ScoreRange = fields.ScoreRange ?? [];
        Severity = fields.Severity;
        SeverityList = fields.SeverityList ?? [];
        _imageUrl = fields.ImageUrl;
        _description = fields.Description;
        _analyses = fields.Analyses;
    }

    /// <summary>The stable identifier (<c>tech_name</c>), e.g. <c>acne</c>; see <see cref="ConcernTechNames"/>.</summary>
    public string? TechName { get; }

    /// <summary>The display name (<c>name</c>), e.g. <c>Post Acne Scars</c>.</summary>
    public string? Name { get; }

    /// <summary>The face area (<c>area_name</c>), e.g. <c>face</c>.</summary>
    public string? AreaName { get; }

    /// <summary>The score (<c>value</c>), 0-100 by the documentation, higher is better. Not range-checked.</summary>
    public int? Value { get; }

    /// <summary>The score bands (<c>score_range</c>), e.g. <c>0-49</c>, <c>50-89</c>, <c>90-100</c>; empty when absent.</summary>
    public IReadOnlyList<string> ScoreRange { get; }

    /// <summary>The band the score falls in (<c>severity</c>), e.g. <c>Average</c>.</summary>
    public string? Severity { get; }

    /// <summary>The names of the bands, in the order of <see cref="ScoreRange"/> (<c>severity_list</c>); empty when absent.</summary>
    public IReadOnlyList<string> SeverityList { get; }

    /// <summary>The annotated image (<c>image</c>), exactly as sent (it may contain spaces).</summary>
    public string? ImageUrl => _imageUrl.Get(_raw.Utf8);

    /// <summary>What the score means for this face (<c>description</c>).</summary>
    public string? Description => _description.Get(_raw.Utf8);

    /// <summary>What the concern measures (<c>analyses</c>).</summary>
    public string? Analyses => _analyses.Get(_raw.Utf8);

    /// <summary>The concern object as the service sent it, with every field (<c>sub_areas</c> and any unknown one).</summary>
    public JsonElement Json => _raw.Element;

    /// <summary>Describes the concern, e.g. <c>acne: 100 (Good)</c>.</summary>
    public override string ToString() => $"{TechName ?? Name ?? "?"}: {Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} ({Severity ?? "-"})";
}

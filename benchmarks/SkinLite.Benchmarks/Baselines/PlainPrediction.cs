using NJ = Newtonsoft.Json;
using STJ = System.Text.Json.Serialization;

namespace SkinLite.Benchmarks.Baselines;

// The plain classes a typical vendor SDK deserialises a poll answer into. All three serializer baselines
// (Newtonsoft, STJ reflection, STJ source-generated) read into these same classes, so they differ only in the reader.
#pragma warning disable CA1056, CA2227, CA1002 // plain DTOs, shaped like the ones vendor SDKs ship

/// <summary>A poll answer.</summary>
public sealed class PlainPrediction
{
    [NJ.JsonProperty("_id"), STJ.JsonPropertyName("_id")] public string? Id { get; set; }
    [NJ.JsonProperty("status"), STJ.JsonPropertyName("status")] public string? Status { get; set; }
    [NJ.JsonProperty("error"), STJ.JsonPropertyName("error")] public string? Error { get; set; }
    [NJ.JsonProperty("createdAt"), STJ.JsonPropertyName("createdAt")] public string? CreatedAt { get; set; }
    [NJ.JsonProperty("retention"), STJ.JsonPropertyName("retention")] public string? Retention { get; set; }
    [NJ.JsonProperty("orgId"), STJ.JsonPropertyName("orgId")] public long? OrgId { get; set; }
    [NJ.JsonProperty("consumedCredits"), STJ.JsonPropertyName("consumedCredits")] public int? ConsumedCredits { get; set; }
    [NJ.JsonProperty("input"), STJ.JsonPropertyName("input")] public PlainInput? Input { get; set; }
    [NJ.JsonProperty("urls"), STJ.JsonPropertyName("urls")] public PlainUrls? Urls { get; set; }
    [NJ.JsonProperty("output"), STJ.JsonPropertyName("output")] public PlainOutput? Output { get; set; }
}

/// <summary><c>input</c>.</summary>
public sealed class PlainInput
{
    [NJ.JsonProperty("image"), STJ.JsonPropertyName("image")] public string? Image { get; set; }
}

/// <summary><c>urls</c>.</summary>
public sealed class PlainUrls
{
    [NJ.JsonProperty("get"), STJ.JsonPropertyName("get")] public string? Get { get; set; }
}

/// <summary><c>output</c>.</summary>
public sealed class PlainOutput
{
    [NJ.JsonProperty("error"), STJ.JsonPropertyName("error")] public string? Error { get; set; }
    [NJ.JsonProperty("status_code"), STJ.JsonPropertyName("status_code")] public int? StatusCode { get; set; }
    [NJ.JsonProperty("skinData"), STJ.JsonPropertyName("skinData")] public PlainSkinData? SkinData { get; set; }
}

/// <summary><c>output.skinData</c>.</summary>
public sealed class PlainSkinData
{
    [NJ.JsonProperty("total_skin_score"), STJ.JsonPropertyName("total_skin_score")] public int? TotalSkinScore { get; set; }
    [NJ.JsonProperty("skin_age"), STJ.JsonPropertyName("skin_age")] public int? SkinAge { get; set; }
    [NJ.JsonProperty("eye_age"), STJ.JsonPropertyName("eye_age")] public int? EyeAge { get; set; }
    [NJ.JsonProperty("skin_health"), STJ.JsonPropertyName("skin_health")] public string? SkinHealth { get; set; }
    [NJ.JsonProperty("skin_tone"), STJ.JsonPropertyName("skin_tone")] public string? SkinTone { get; set; }
    [NJ.JsonProperty("skin_shade"), STJ.JsonPropertyName("skin_shade")] public string? SkinShade { get; set; }
    [NJ.JsonProperty("skin_type"), STJ.JsonPropertyName("skin_type")] public string? SkinType { get; set; }
    [NJ.JsonProperty("inputImage"), STJ.JsonPropertyName("inputImage")] public string? InputImage { get; set; }
    [NJ.JsonProperty("facial_hair"), STJ.JsonPropertyName("facial_hair")] public int? FacialHair { get; set; }
    [NJ.JsonProperty("facial_hair_url"), STJ.JsonPropertyName("facial_hair_url")] public string? FacialHairUrl { get; set; }
    [NJ.JsonProperty("combine_masked_url"), STJ.JsonPropertyName("combine_masked_url")] public string? CombineMaskedUrl { get; set; }
    [NJ.JsonProperty("summary"), STJ.JsonPropertyName("summary")] public string? Summary { get; set; }
    [NJ.JsonProperty("zones"), STJ.JsonPropertyName("zones")] public PlainZones? Zones { get; set; }
    [NJ.JsonProperty("concerns"), STJ.JsonPropertyName("concerns")] public List<PlainConcern>? Concerns { get; set; }
}

/// <summary><c>zones</c>.</summary>
public sealed class PlainZones
{
    [NJ.JsonProperty("t_zone"), STJ.JsonPropertyName("t_zone")] public PlainZone? TZone { get; set; }
    [NJ.JsonProperty("u_zone"), STJ.JsonPropertyName("u_zone")] public PlainZone? UZone { get; set; }
}

/// <summary>One zone.</summary>
public sealed class PlainZone
{
    [NJ.JsonProperty("image"), STJ.JsonPropertyName("image")] public string? Image { get; set; }
    [NJ.JsonProperty("type"), STJ.JsonPropertyName("type")] public string? Type { get; set; }
}

/// <summary>One concern.</summary>
public sealed class PlainConcern
{
    [NJ.JsonProperty("area_name"), STJ.JsonPropertyName("area_name")] public string? AreaName { get; set; }
    [NJ.JsonProperty("name"), STJ.JsonPropertyName("name")] public string? Name { get; set; }
    [NJ.JsonProperty("tech_name"), STJ.JsonPropertyName("tech_name")] public string? TechName { get; set; }
    [NJ.JsonProperty("value"), STJ.JsonPropertyName("value")] public int? Value { get; set; }
    [NJ.JsonProperty("score_range"), STJ.JsonPropertyName("score_range")] public List<string>? ScoreRange { get; set; }
    [NJ.JsonProperty("severity"), STJ.JsonPropertyName("severity")] public string? Severity { get; set; }
    [NJ.JsonProperty("severity_list"), STJ.JsonPropertyName("severity_list")] public List<string>? SeverityList { get; set; }
    [NJ.JsonProperty("image"), STJ.JsonPropertyName("image")] public string? Image { get; set; }
    [NJ.JsonProperty("description"), STJ.JsonPropertyName("description")] public string? Description { get; set; }
    [NJ.JsonProperty("analyses"), STJ.JsonPropertyName("analyses")] public string? Analyses { get; set; }
}

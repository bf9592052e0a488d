namespace SkinLite;

/// <summary>The members of a concern that SkinLite models; the rest stay in its raw JSON.</summary>
internal enum SkinConcernField
{
    Unknown,
    Name,
    Value,
    Image,
    Severity,
    Analyses,
    TechName,
    AreaName,
    ScoreRange,
    Description,
    SeverityList,
}

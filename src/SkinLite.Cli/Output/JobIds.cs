namespace SkinLite.Cli.Output;

/// <summary>The ids that identify a job to a person or a script, and that resume it.</summary>
internal readonly record struct JobIds(string? AppId, string? ScanId, string? PredictionId)
{
    public static JobIds From(SkinAnalysisJob job) => new(job.AppId, job.ScanId, job.PredictionId);
}

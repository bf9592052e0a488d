namespace SkinLite.Reports.Html;

/// <summary>Outcomes and rejection reasons in words, the same on an analysis page and in the batch index.</summary>
internal static class OutcomeText
{
    public static string Kind(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Succeeded => "Analysed",
        OutcomeKind.Rejected => "Rejected",
        OutcomeKind.Failed => "Failed",
        OutcomeKind.Pending => "Not finished",
        _ => "No outcome",
    };

    public static string Reason(RejectionReason reason) => reason switch
    {
        RejectionReason.NoFaceDetected => "No face detected",
        RejectionReason.UnreadableImage => "Image could not be read",
        RejectionReason.FileTooLarge => "File larger than 5 MB",
        RejectionReason.CorruptImage => "Invalid or corrupted image",
        RejectionReason.UnsupportedFormat => "Unsupported image format",
        RejectionReason.ResolutionTooSmall => "Resolution below 1024 x 1024",
        RejectionReason.ResolutionTooLarge => "Resolution above 2048 x 2048",
        RejectionReason.None => "None",
        _ => "Other reason",
    };
}

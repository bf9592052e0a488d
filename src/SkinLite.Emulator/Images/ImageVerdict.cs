namespace SkinLite.Emulator;

/// <summary>How a job will end, decided once at submit from the image bytes: an analysis (from <see cref="AnalysisSeed"/>), a rejection, or a failure.</summary>
internal readonly record struct ImageVerdict(OutcomeKind Outcome, RejectionReason Reason, ulong AnalysisSeed, ImageFormat Format)
{
    public static ImageVerdict Rejected(RejectionReason reason, ImageFormat format) => new(OutcomeKind.Rejected, reason, 0, format);

    public static ImageVerdict Failed(ImageFormat format) => new(OutcomeKind.Failed, RejectionReason.None, 0, format);

    /// <summary>The documented message the service sends for the rejection.</summary>
    public string RejectionMessage => RejectionMessages.MessageFor(Reason) ?? RejectionMessages.CorruptImage;
}
